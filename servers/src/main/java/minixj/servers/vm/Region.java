package minixj.servers.vm;

import java.util.Arrays;

/**
 * A virtual memory area of one process: page-aligned start and length, its kind, whether it may be
 * written, and the frame backing each present page ({@link Frames#NONE} = not present yet).
 */
final class Region {
    enum Kind {
        /** Private anonymous memory, zero-filled on first touch, copy-on-write across fork. */
        ANON,
        /** Fixed physical memory (device memory); not created by any call yet. */
        PHYS,
        /** Anonymous memory shared (not copied) across fork. */
        SHARED
    }

    static final int PAGE = 4096;

    long start;
    final Kind kind;
    final boolean writable;
    int[] frames;
    /** mmap'd memory: its absent pages count against free frames (so mmap can say ENOMEM). */
    boolean reserved;

    Region(long start, long length, Kind kind, boolean writable) {
        this.start = start;
        this.kind = kind;
        this.writable = writable;
        this.frames = new int[(int) (length / PAGE)];
        Arrays.fill(frames, Frames.NONE);
    }

    long length() { return (long) frames.length * PAGE; }

    long end() { return start + length(); }

    boolean contains(long address) { return address >= start && address < end(); }

    int index(long address) { return (int) ((address - start) / PAGE); }

    long pageAddress(int index) { return start + (long) index * PAGE; }

    int present() {
        int n = 0;
        for (int f : frames) if (f != Frames.NONE) n++;
        return n;
    }

    /** A copy with the same frames (the caller adjusts reference counts). */
    Region copy() {
        Region r = new Region(start, length(), kind, writable);
        r.frames = frames.clone();
        r.reserved = reserved;
        return r;
    }

    /** The pages [from, to) as a region of their own (same frames). */
    Region slice(int from, int to) {
        Region r = new Region(pageAddress(from), (long) (to - from) * PAGE, kind, writable);
        System.arraycopy(frames, from, r.frames, 0, to - from);
        r.reserved = reserved;
        return r;
    }

    /** Changes the length, keeping the pages that remain; new pages are absent. */
    void resize(long length) {
        int[] n = new int[(int) (length / PAGE)];
        Arrays.fill(n, Frames.NONE);
        System.arraycopy(frames, 0, n, 0, Math.min(n.length, frames.length));
        frames = n;
    }
}
