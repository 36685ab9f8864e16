package minixj.servers.vm;

import java.util.HashMap;
import java.util.Map;

/**
 * All of VM's data, reachable from this one object (no static state), so that a restarted or
 * live-updated VM can be handed it: the frames, every process's address space by slot, the call
 * masks, and the count of frames promised to reserved pages that are not present yet.
 */
final class VmState {
    final Frames frames;
    final Map<Integer, VmProcess> bySlot = new HashMap<>();
    final CallMasks masks = new CallMasks();
    /** Absent pages of mmap'd memory and heaps: each will get a frame when touched. */
    long promised;
    /** Frames user processes may not promise or take, so system servers can still fault pages in. */
    final int systemReserve;

    VmState(Frames frames) {
        this.frames = frames;
        this.systemReserve = Math.min(64, frames.total() / 16);
    }
}
