package minixj.servers.rs;

import minixj.lib.rs.SysFlags;

/**
 * RS's numbers (MINIX's servers/rs/const.h, spec §1.2). Times are in RS periods (one second,
 * {@code HZ} ticks: RS's alarm) unless the name says ticks.
 */
final class RsConstants {
    private RsConstants() {
    }

    /** RS's table size: one entry per system privilege structure (NR_SYS_PROCS). */
    static final int NR_SERVICES = 64;
    /** RS_INIT_T: periods a service has for its init before the heartbeat rule applies (10 s). */
    static final int INIT_PERIODS = 10;
    /** After SIGTERM (down, refresh), SIGKILL once this many periods have passed (2 s). */
    static final int SIGTERM_GRACE_PERIODS = 2;
    /** MAX_BACKOFF: the longest delay before a restart, in periods. */
    static final int MAX_BACKOFF = 30;
    /** MAX_DET_RESTART: detach-on-restart only while restarts are below this. */
    static final int MAX_DET_RESTART = 10;
    /** RS_DEFAULT_PREPARE_MAXTIME: default live-update prepare timeout, in periods (2 s). */
    static final int DEFAULT_PREPARE_MAXTIME_PERIODS = 2;
    /** RS_VM_DEFAULT_MAP_PREALLOC_LEN: default mmap preallocation for VM updates. */
    static final long VM_DEFAULT_MAP_PREALLOC_LEN = 8L << 20;
    /** Endpoints RS accepts as a scheduler or signal manager: the boot processes 0..INIT. */
    static final int LAST_SPECIAL_PROC = minixj.lib.ipc.Endpoint.INIT;
    /** A requested CPU: the default (-1) or the bootstrap processor (-2). */
    static final int CPU_DEFAULT = -1;
    static final int CPU_BSP = -2;

    /**
     * How many periods RS waits before restarting a service that died unexpectedly (spec §1.6):
     * none for its first crash, then 2^restarts capped at {@link #MAX_BACKOFF} (2, 4, 8, 16, 30,
     * 30, ... as {@code restarts} never decays); one period for a service with an in-memory copy
     * or {@code -b} (NO_BIN_EXP).
     *
     * @param restarts the completed restarts so far
     * @param sysFlags the service's {@link SysFlags}
     */
    static int backoffPeriods(int restarts, int sysFlags) {
        if (restarts <= 0) return 0;
        if ((sysFlags & SysFlags.NO_BIN_EXP) != 0) return 1;
        long periods = restarts >= 62 ? Long.MAX_VALUE : 1L << restarts;
        int backoff = (int) Math.min(periods, MAX_BACKOFF);
        if ((sysFlags & SysFlags.USE_COPY) != 0) backoff = Math.min(backoff, 1);
        return backoff;
    }
}
