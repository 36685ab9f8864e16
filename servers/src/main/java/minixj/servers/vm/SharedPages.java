package minixj.servers.vm;

import java.util.Arrays;

/**
 * Pages that several regions map at once (MAP_SHARED memory, memory remapped through a grant):
 * the frames live here rather than in a region, so a page first touched by one process is the
 * page every other mapper sees. {@link #users} counts, per page, the regions covering it; the
 * frame (one reference, held by this object) goes back when that count reaches zero.
 */
final class SharedPages {
    final int[] frames;
    final int[] users;
    /** Absent pages still covered by a region count as frames promised (mmap's ENOMEM). */
    final boolean reserved;

    SharedPages(int pages, boolean reserved) {
        this.frames = new int[pages];
        this.users = new int[pages];
        this.reserved = reserved;
        Arrays.fill(frames, Frames.NONE);
    }
}
