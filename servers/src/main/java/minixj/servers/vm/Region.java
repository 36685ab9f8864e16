package minixj.servers.vm;

import java.util.Arrays;

/**
 * A virtual memory area of one process: page-aligned start and length, its kind, its protection,
 * and the frame backing each present page ({@link Frames#NONE} = not present yet). A private
 * region keeps its frames itself; a shared one looks them up in its {@link SharedPages} from
 * {@link #sharedOffset} on.
 */
final class Region {
    enum Kind {
        /** Private anonymous memory, zero-filled on first touch, copy-on-write across fork. */
        ANON,
        /** Anonymous memory shared (not copied) across fork and remap: frames in {@link SharedPages}. */
        SHARED
    }

    static final int PAGE = 4096;

    long start;
    final Kind kind;
    final boolean readable;
    final boolean writable;
    /** A private region's absent pages are frames promised (mmap'd memory and the heap). */
    boolean reserved;
    /** Made by VM_REMAP: VM_SHM_UNMAP removes it. */
    boolean remapped;
    private int[] frames;
    private int present;
    final SharedPages shared;
    final int sharedOffset;

    /** A private region of {@code length} bytes, all pages absent. */
    Region(long start, long length, boolean readable, boolean writable) {
        this.start = start;
        this.kind = Kind.ANON;
        this.readable = readable;
        this.writable = writable;
        this.frames = new int[(int) (length / PAGE)];
        Arrays.fill(frames, Frames.NONE);
        this.shared = null;
        this.sharedOffset = 0;
    }

    /** A shared region over pages {@code offset ..} of {@code shared}. */
    Region(long start, long length, SharedPages shared, int offset, boolean readable, boolean writable) {
        this.start = start;
        this.kind = Kind.SHARED;
        this.readable = readable;
        this.writable = writable;
        this.frames = new int[(int) (length / PAGE)]; // only its length is used
        this.shared = shared;
        this.sharedOffset = offset;
    }

    boolean isShared() { return kind == Kind.SHARED; }

    int pages() { return frames.length; }

    long length() { return (long) frames.length * PAGE; }

    long end() { return start + length(); }

    boolean contains(long address) { return address >= start && address < end(); }

    int index(long address) { return (int) ((address - start) / PAGE); }

    long pageAddress(int index) { return start + (long) index * PAGE; }

    int frame(int i) { return isShared() ? shared.frames[sharedOffset + i] : frames[i]; }

    void setFrame(int i, int frame) {
        if (isShared()) {
            shared.frames[sharedOffset + i] = frame;
            return;
        }
        present += (frame != Frames.NONE ? 1 : 0) - (frames[i] != Frames.NONE ? 1 : 0);
        frames[i] = frame;
    }

    /** Users of page {@code i} of a shared region. */
    int users(int i) { return shared.users[sharedOffset + i]; }

    /** Whether an absent page {@code i} has a frame promised to it. */
    boolean promises(int i) { return isShared() ? shared.reserved && users(i) > 0 : reserved; }

    /** Present pages of a private region. */
    int present() {
        if (!isShared()) return present;
        int n = 0;
        for (int i = 0; i < pages(); i++) if (frame(i) != Frames.NONE) n++;
        return n;
    }

    /** A copy with the same frames or shared pages (the caller adjusts references). */
    Region copy() {
        return slice(0, pages());
    }

    /** The pages [from, to) as a region of their own (same frames). */
    Region slice(int from, int to) {
        Region r;
        if (isShared()) {
            r = new Region(pageAddress(from), (long) (to - from) * PAGE, shared, sharedOffset + from, readable, writable);
        } else {
            r = new Region(pageAddress(from), (long) (to - from) * PAGE, readable, writable);
            for (int i = from; i < to; i++) r.setFrame(i - from, frames[i]);
        }
        r.reserved = reserved;
        r.remapped = remapped;
        return r;
    }

    /** Changes a private region's length, keeping the pages that remain; new pages are absent. */
    void resize(long length) {
        int[] n = new int[(int) (length / PAGE)];
        Arrays.fill(n, Frames.NONE);
        System.arraycopy(frames, 0, n, 0, Math.min(n.length, frames.length));
        frames = n;
        present = 0;
        for (int f : n) if (f != Frames.NONE) present++;
    }
}
