package minixj.lib.rs;

/**
 * The public flags of a service ({@code sys_flags} of MINIX's {@code rprocpub}, rs.h), with
 * MINIX's names and values: what kind of service it is and how it may be restarted.
 */
public final class SysFlags {
    private SysFlags() {
    }

    /** Essential: may not be brought down, have a script or NORESTART; its final exit ends the system. */
    public static final int CORE_SRV = 0x001;
    /** Boot: wait for its check-in before starting the next one. */
    public static final int SYNCH_BOOT = 0x002;
    /** May only be (re)started from an in-memory copy. */
    public static final int NEED_COPY = 0x004;
    /** Has an in-memory copy. */
    public static final int USE_COPY = 0x008;
    /** May only be (re)started from a standby replica. */
    public static final int NEED_REPL = 0x010;
    /** Keeps a standby replica. */
    public static final int USE_REPL = 0x020;
    /** (update) Hints for VM while an update runs. */
    public static final int VM_UPDATE = 0x040;
    public static final int VM_ROLLBACK = 0x080;
    public static final int VM_NOMMAP = 0x100;
    /** Has a recovery script. */
    public static final int USE_SCRIPT = 0x200;
    /** Detach the old instance on restart and update. */
    public static final int DET_RESTART = 0x400;
    /** Never restart. */
    public static final int NORESTART = 0x800;
    /** No binary exponential backoff. */
    public static final int NO_BIN_EXP = 0x1000;

    /** The flags no update may change. */
    public static final int IMMUTABLE = NO_BIN_EXP | CORE_SRV | SYNCH_BOOT | NEED_COPY | NEED_REPL;
}
