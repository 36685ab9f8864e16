package minixj.lib.ipc;

/**
 * A mutable set of signals 1..{@link Signals#MAX_SIGNAL}, held in two 64-bit words.
 */
public final class SigSet {
    private long low;   // signals 1..64
    private long high;  // signals 65..128

    /** An empty set. */
    public SigSet() {
    }

    /** A set with the given words (as carried in messages). */
    public SigSet(long low, long high) {
        this.low = low;
        this.high = high;
    }

    public boolean contains(int signal) {
        int bit = signal - 1;
        if (bit < 0 || bit >= 128) return false;
        return bit < 64 ? (low & (1L << bit)) != 0 : (high & (1L << (bit - 64))) != 0;
    }

    public SigSet add(int signal) {
        int bit = signal - 1;
        if (bit < 0 || bit >= 128) throw new IllegalArgumentException("signal " + signal);
        if (bit < 64) low |= 1L << bit; else high |= 1L << (bit - 64);
        return this;
    }

    public SigSet remove(int signal) {
        int bit = signal - 1;
        if (bit < 0 || bit >= 128) return this;
        if (bit < 64) low &= ~(1L << bit); else high &= ~(1L << (bit - 64));
        return this;
    }

    public boolean isEmpty() {
        return low == 0 && high == 0;
    }

    public SigSet clear() {
        low = 0;
        high = 0;
        return this;
    }

    /** The lowest signal in the set, or 0 if empty. */
    public int first() {
        if (low != 0) return Long.numberOfTrailingZeros(low) + 1;
        if (high != 0) return Long.numberOfTrailingZeros(high) + 65;
        return 0;
    }

    public long low() {
        return low;
    }

    public long high() {
        return high;
    }

    public SigSet copyFrom(SigSet other) {
        low = other.low;
        high = other.high;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigSet s && s.low == low && s.high == high;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(low) * 31 + Long.hashCode(high);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int s = 1; s <= 128; s++) {
            if (contains(s)) sb.append(sb.length() > 1 ? "," : "").append(s);
        }
        return sb.append('}').toString();
    }
}
