package minixj.kernel;

/**
 * A running 64-bit FNV-1a hash of every kernel event, in the order events happen. Two runs of
 * a deterministic machine with the same seed give the same hash; that is the determinism proof.
 */
final class Trace {
    static final long OFFSET = 0xcbf29ce484222325L;
    static final long PRIME = 0x100000001b3L;

    // Event kinds.
    static final int IPC = 1;
    static final int DELIVER = 2;
    static final int NOTIFY = 3;
    static final int KCALL = 4;
    static final int SWITCH = 5;
    static final int TICK = 6;
    static final int IRQ = 7;
    static final int EXIT = 8;
    static final int SIGNAL = 9;
    static final int POLL = 10;
    static final int HOST = 11;
    static final int SPAWN = 12;

    private final boolean enabled;
    private long hash = OFFSET;
    private long events;

    /** A trace that records events only when {@code enabled} (it costs a little on every IPC). */
    Trace(boolean enabled) {
        this.enabled = enabled;
    }

    /** Mixes one event into the hash: FNV-1a over two 64-bit words (kind|a, b|c). */
    void event(int kind, int a, int b, int c) {
        if (!enabled) return;
        long h = hash;
        h = (h ^ ((long) kind << 32 | (a & 0xffffffffL))) * PRIME;
        h = (h ^ ((long) b << 32 | (c & 0xffffffffL))) * PRIME;
        hash = h;
        events++;
    }

    boolean enabled() {
        return enabled;
    }

    long hash() {
        return hash;
    }

    long events() {
        return events;
    }
}
