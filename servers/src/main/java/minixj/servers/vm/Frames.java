package minixj.servers.vm;

/**
 * Physical frames as VM sees them after it took memory: a reference count per frame (0 = free).
 * Frames the kernel had in use when VM took over start with one reference; those VM adopts into a
 * process keep it, the rest (the kernel's own) are never released.
 */
final class Frames {
    /** No frame available. */
    static final int NONE = -1;

    private final int[] refs;
    private int free;
    private int hint;

    /** From the kernel's bitmap: bit f set = frame f in use. */
    Frames(byte[] bitmap, int total) {
        refs = new int[total];
        for (int f = 0; f < total; f++) {
            if ((bitmap[f >>> 3] & (1 << (f & 7))) != 0) refs[f] = 1;
            else free++;
        }
    }

    int total() { return refs.length; }

    int free() { return free; }

    int refcount(int frame) { return refs[frame]; }

    /** A free frame with one reference, or {@link #NONE}. */
    int allocate() {
        if (free == 0) return NONE;
        for (int i = 0; i < refs.length; i++) {
            int f = (hint + i) % refs.length;
            if (refs[f] == 0) {
                refs[f] = 1;
                free--;
                hint = f + 1;
                return f;
            }
        }
        return NONE;
    }

    void reference(int frame) { refs[frame]++; }

    /** Drops one reference; the frame is free again at zero. */
    void release(int frame) {
        if (refs[frame] <= 0) return;
        if (--refs[frame] == 0) free++;
    }
}
