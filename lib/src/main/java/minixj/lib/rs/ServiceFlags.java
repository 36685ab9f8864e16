package minixj.lib.rs;

/**
 * RS's state bits of a service instance ({@code r_flags}), with MINIX's names and values
 * (servers/rs/const.h). RS keeps them; {@code /proc/service} shows some of them.
 */
public final class ServiceFlags {
    private ServiceFlags() {
    }

    /** The slot is allocated. */
    public static final int IN_USE = 0x0001;
    /** An exit is expected: do not restart. */
    public static final int EXITING = 0x0002;
    /** Restart when it exits (a refresh). */
    public static final int REFRESHING = 0x0004;
    /** Killed for missing a heartbeat. */
    public static final int NOPINGREPLY = 0x0008;
    /** Its termination has been processed. */
    public static final int TERMINATED = 0x0010;
    /** A requester waits for a late reply. */
    public static final int LATEREPLY = 0x0020;
    /** RS_INIT sent, check-in not yet received. */
    public static final int INITIALIZING = 0x0040;
    /** Takes part in the running live update. */
    public static final int UPDATING = 0x0080;
    /** (update) Reported ready. */
    public static final int PREPARE_DONE = 0x0100;
    /** (update) The new instance checked in. */
    public static final int INIT_DONE = 0x0200;
    /** (update) The new instance exists, its init has not started. */
    public static final int INIT_PENDING = 0x0400;
    /** The live instance that owns the label. */
    public static final int ACTIVE = 0x0800;
    /** Marked for cleanup when RS is idle. */
    public static final int DEAD = 0x1000;
    /** Detach rather than kill at cleanup. */
    public static final int CLEANUP_DETACH = 0x2000;
    /** Run the recovery script at cleanup. */
    public static final int CLEANUP_SCRIPT = 0x4000;
    /** After the exit, start again from scratch with a new endpoint. */
    public static final int REINCARNATE = 0x8000;

    /**
     * True if an instance with these flags is idle: dead, or with no bits besides IN_USE, ACTIVE
     * and the CLEANUP ones.
     */
    public static boolean isIdle(int flags) {
        return (flags & DEAD) != 0 || (flags & ~(IN_USE | ACTIVE | CLEANUP_DETACH | CLEANUP_SCRIPT)) == 0;
    }

    /** The names of the bits set, e.g. "IN_USE|ACTIVE". */
    public static String names(int flags) {
        String[] names = {"IN_USE", "EXITING", "REFRESHING", "NOPINGREPLY", "TERMINATED", "LATEREPLY", "INITIALIZING",
            "UPDATING", "PREPARE_DONE", "INIT_DONE", "INIT_PENDING", "ACTIVE", "DEAD", "CLEANUP_DETACH",
            "CLEANUP_SCRIPT", "REINCARNATE"};
        StringBuilder out = new StringBuilder();
        for (int bit = 0; bit < names.length; bit++) {
            if ((flags & (1 << bit)) == 0) continue;
            if (!out.isEmpty()) out.append('|');
            out.append(names[bit]);
        }
        return out.isEmpty() ? "0" : out.toString();
    }
}
