package minixj.lib.rs;

/**
 * Flags of an {@code rs_start} record ({@code rss_flags}), set by the {@code service} utility's
 * options. The names are MINIX's; the values are MinixJ's (the record is MinixJ's own format).
 */
public final class RsStartFlags {
    private RsStartFlags() {
    }

    /** {@code -c}: keep an in-memory copy of the program. */
    public static final int RSS_COPY = 0x0001;
    /** {@code -r}: share another service's in-memory copy of the same program (implies RSS_COPY). */
    public static final int RSS_REUSE = 0x0002;
    /** {@code -n}: reply at once instead of when the service has checked in. */
    public static final int RSS_NOBLOCK = 0x0004;
    /** {@code -p}: keep a standby replica for fast restarts. */
    public static final int RSS_REPLICA = 0x0008;
    /** {@code -q}: batch (queue an update, run it with {@code sysctl upd_run}). */
    public static final int RSS_BATCH = 0x0010;
    /** {@code update self}. */
    public static final int RSS_SELF_LU = 0x0020;
    /** {@code -a}: address-space re-randomising update. */
    public static final int RSS_ASR_LU = 0x0040;
    /** {@code -s}: self update semantics with a new program. */
    public static final int RSS_FORCE_SELF_LU = 0x0080;
    /** {@code -o}: prepare only. */
    public static final int RSS_PREPARE_ONLY_LU = 0x0100;
    /** {@code -x}: the new instance crashes in its init (testing). */
    public static final int RSS_FORCE_INIT_CRASH = 0x0200;
    /** {@code -y}: the new instance fails its init (testing). */
    public static final int RSS_FORCE_INIT_FAIL = 0x0400;
    /** {@code -z}: the new instance hangs in its init (testing). */
    public static final int RSS_FORCE_INIT_TIMEOUT = 0x0800;
    /** {@code -d}: the new instance uses the default init callbacks. */
    public static final int RSS_FORCE_INIT_DEFCB = 0x1000;
    /** {@code -t}: force the state-transfer init. */
    public static final int RSS_FORCE_INIT_ST = 0x2000;
    /** {@code -m}: the new instance does not inherit mmapped regions. */
    public static final int RSS_NO_INHERIT_MMAP = 0x4000;
    /** {@code -e}: detach the old instance on restart and update. */
    public static final int RSS_DETACH = 0x8000;
    /** {@code -f}: never restart. */
    public static final int RSS_NORESTART = 0x10000;
    /** {@code -b}: no binary exponential backoff. */
    public static final int RSS_NO_BIN_EXP = 0x20000;

    /** Every defined flag; a record with other bits set is refused. */
    public static final int ALL = 0x3ffff;
}
