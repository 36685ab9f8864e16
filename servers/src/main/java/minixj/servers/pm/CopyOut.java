package minixj.servers.pm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Trap;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.sys.Sys;

/**
 * Results that go into a process's memory (rusage, the process table) are put in PM's own
 * scratch memory and copied with SYS_VIRCOPY, so a bad address is the kernel's EFAULT, never
 * PM's problem. The scratch is the buffer PM read the kernel's process table into at start.
 */
final class CopyOut {
    private static final long SCRATCH = MemoryLayout.INITIAL_REGION_BASE;

    private CopyOut() {
    }

    /** Copies {@code data} to {@code address} in {@code endpoint}'s memory; OK or the copy's error. */
    static int to(Trap trap, int endpoint, long address, byte[] data) {
        trap.memory().write(SCRATCH, data, 0, data.length);
        return Sys.vircopy(trap, Endpoint.SELF, SCRATCH, endpoint, address, data.length);
    }
}
