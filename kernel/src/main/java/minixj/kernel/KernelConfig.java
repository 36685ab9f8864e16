package minixj.kernel;

/**
 * How a machine runs.
 *
 * @param seed         when non-null the machine is deterministic: virtual time, seeded tie-breaking
 * @param hz           clock ticks per second (MINIX's boot variable {@code hz}, 2..50000)
 * @param memoryBytes  size of physical memory
 * @param virtualTime  virtual time without seeded tie-breaking (MINIX's FIFO order, reproducible):
 *                     what conformance tests use; implied by a seed
 * @param watchdogMillis how long a process may run without a kernel entry or poll before the
 *                     watchdog reports it (0 disables the watchdog)
 * @param watchdogKills whether the watchdog kills a process it reports
 * @param trace        keep the hash of all kernel events even in real time (it is always kept in
 *                     virtual time, where it is reproducible)
 */
public record KernelConfig(Long seed, int hz, long memoryBytes, boolean virtualTime, long watchdogMillis,
                           boolean watchdogKills, boolean trace) {
    public static final int DEFAULT_HZ = 60;
    public static final long DEFAULT_MEMORY = 64L << 20;

    public KernelConfig {
        if (hz < 2 || hz > 50_000) throw new IllegalArgumentException("hz must be within 2..50000, got " + hz);
        if (memoryBytes < (1L << 20)) throw new IllegalArgumentException("memory must be at least 1M, got " + memoryBytes);
    }

    /** Real-time mode with MINIX's defaults. */
    public static KernelConfig defaults() {
        return new KernelConfig(null, DEFAULT_HZ, DEFAULT_MEMORY, false, 1000, false, false);
    }

    public boolean deterministic() {
        return seed != null;
    }

    public boolean usesVirtualTime() {
        return virtualTime || seed != null;
    }

    public KernelConfig withSeed(Long s) {
        return new KernelConfig(s, hz, memoryBytes, virtualTime, watchdogMillis, watchdogKills, trace);
    }

    public KernelConfig withHz(int h) {
        return new KernelConfig(seed, h, memoryBytes, virtualTime, watchdogMillis, watchdogKills, trace);
    }

    public KernelConfig withMemory(long bytes) {
        return new KernelConfig(seed, hz, bytes, virtualTime, watchdogMillis, watchdogKills, trace);
    }

    public KernelConfig withVirtualTime(boolean v) {
        return new KernelConfig(seed, hz, memoryBytes, v, watchdogMillis, watchdogKills, trace);
    }

    public KernelConfig withWatchdog(long millis, boolean kills) {
        return new KernelConfig(seed, hz, memoryBytes, virtualTime, millis, kills, trace);
    }

    public KernelConfig withTrace(boolean t) {
        return new KernelConfig(seed, hz, memoryBytes, virtualTime, watchdogMillis, watchdogKills, t);
    }

    /** Parses a size such as 64M, 512K, 1G or a plain number of bytes. */
    public static long parseSize(String text) {
        String t = text.trim().toUpperCase();
        long unit = 1;
        if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                default -> 1L << 30;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n <= 0 || n > Long.MAX_VALUE / unit) throw new NumberFormatException();
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a memory size: '" + text + "' (expected e.g. 64M, 512K, 1G)");
        }
    }
}
