package minixj.lib.mem;

/**
 * The virtual memory layout every process starts with. Until VM manages memory, the kernel backs
 * the initial region with frames on first touch; programs put their simulated-memory heap there
 * (grant tables, I/O buffers).
 */
public final class MemoryLayout {
    private MemoryLayout() {
    }

    /** First address of the initial region (1 MiB). */
    public static final long INITIAL_REGION_BASE = 0x0010_0000L;
    /** Size of the initial region (16 MiB). */
    public static final long INITIAL_REGION_SIZE = 16L << 20;
    /** Page size. */
    public static final int PAGE_SIZE = 4096;
}
