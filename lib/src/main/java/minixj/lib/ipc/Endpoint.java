package minixj.lib.ipc;

/**
 * MINIX endpoint encoding: an endpoint names one incarnation of a process-table slot.
 *
 * <p>{@code endpoint = generation * 32768 + slot}. Generation 0 endpoints equal their slot number,
 * so the fixed endpoints of the boot image (PM = 0, VM = 8, SYSTEM = -2, ...) need no table.
 * When a slot is reused its generation goes up by one (wrapping to 1, never back to 0), so a
 * message to a stale endpoint is refused rather than delivered to the slot's new occupant.
 */
public final class Endpoint {
    private Endpoint() {
    }

    /** Number of kernel tasks (ASYNCM, IDLE, CLOCK, SYSTEM, KERNEL/HARDWARE). */
    public static final int NR_TASKS = 5;
    /** Number of user-space process slots. */
    public static final int NR_PROCS = 256;
    /** Reserve for tasks in the encoding. */
    public static final int MAX_NR_TASKS = 1023;
    /** Largest slot number the encoding allows; also the value of {@link #SELF}. */
    public static final int MAX_NR_PROCS = 31742;
    /** Width of one generation. */
    public static final int GENERATION_SIZE = MAX_NR_PROCS + MAX_NR_TASKS + 3; // 32768
    /** Largest generation. */
    public static final int MAX_GENERATION = Integer.MAX_VALUE / GENERATION_SIZE - 1;

    /** Receive from anyone. */
    public static final int ANY = MAX_NR_PROCS + 2;
    /** No process. With SYS_PHYSCOPY it selects physical addressing. */
    public static final int NONE = MAX_NR_PROCS + 1;
    /** The caller itself. */
    public static final int SELF = MAX_NR_PROCS;

    /** Kernel tasks (negative slots, generation 0). */
    public static final int ASYNCM = -5;
    public static final int IDLE = -4;
    public static final int CLOCK = -3;
    public static final int SYSTEM = -2;
    public static final int KERNEL = -1;
    public static final int HARDWARE = KERNEL;

    /** Boot image slots (= their generation-0 endpoints). */
    public static final int PM = 0;
    public static final int VFS = 1;
    public static final int RS = 2;
    public static final int MEM = 3;
    public static final int SCHED = 4;
    public static final int TTY = 5;
    public static final int DS = 6;
    public static final int MIB = 7;
    public static final int VM = 8;
    public static final int PFS = 9;
    public static final int MFS = 10;
    public static final int INIT = 11;

    /** Pseudo sources for IPC filters: any user, any system process, any task. */
    public static final int ANY_USR = make(1, ANY);
    public static final int ANY_SYS = make(2, ANY);
    public static final int ANY_TSK = make(3, ANY);

    /** The endpoint of {@code slot} in generation {@code generation}. */
    public static int make(int generation, int slot) {
        return generation * GENERATION_SIZE + slot;
    }

    /** The slot an endpoint names. */
    public static int slot(int endpoint) {
        return ((endpoint + MAX_NR_TASKS) & (GENERATION_SIZE - 1)) - MAX_NR_TASKS;
    }

    /** The generation an endpoint carries. */
    public static int generation(int endpoint) {
        return (endpoint + MAX_NR_TASKS) >> 15;
    }

    /** The next generation for a reused slot: one more, wrapping to 1 (never 0). */
    public static int nextGeneration(int generation) {
        return generation >= MAX_GENERATION ? 1 : generation + 1;
    }

    /** True for endpoints naming a kernel task. */
    public static boolean isTask(int endpoint) {
        int slot = slot(endpoint);
        return slot < 0 && slot >= -NR_TASKS;
    }

    /** A readable name for the special values, else the number. */
    public static String describe(int endpoint) {
        return switch (endpoint) {
            case ANY -> "ANY";
            case NONE -> "NONE";
            case SELF -> "SELF";
            default -> endpoint + "(slot " + slot(endpoint) + ", gen " + generation(endpoint) + ")";
        };
    }
}
