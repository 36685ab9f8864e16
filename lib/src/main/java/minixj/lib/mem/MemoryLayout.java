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
    /**
     * Where VFS places a program's JAR for exec (the upper half of the initial region, up to the
     * libc scratch area in its last 8 KiB); programs keep their own data below it.
     */
    public static final long EXEC_IMAGE_BASE = INITIAL_REGION_BASE + INITIAL_REGION_SIZE / 2;
    /** Largest executable exec accepts. */
    public static final long EXEC_IMAGE_MAX = INITIAL_REGION_SIZE / 2 - 8192;
    /** Page size. */
    public static final int PAGE_SIZE = 4096;
}
