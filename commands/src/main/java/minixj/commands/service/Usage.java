package minixj.commands.service;

/** The utility's usage text and exit statuses. */
public final class Usage {
    private Usage() {
    }

    /** Exit status for bad arguments (EINVAL). */
    public static final int EXIT_BAD_ARGUMENTS = 22;
    /** Exit status for an unknown or unsupported action (ENOSYS). */
    public static final int EXIT_UNKNOWN_ACTION = 78;
    /** Exit status for a configuration problem. */
    public static final int EXIT_CONFIG = 1;

    /** The usage text. */
    public static final String TEXT = """
            usage:
              service [-bcefnpr] (up|run) <absolute program path> [arguments]
              service [-bcefnpr] edit <absolute program path> -label <label> [arguments]
              service (down|refresh|restart|clone|unclone|fi|lookup) <label>
              service sysctl (srv_status|upd_start|upd_run|upd_stop|upd_status)
              service shutdown
            options (before the action; used by up, run and edit):
              -c keep an in-memory copy of the program   -r share another's copy (implies -c)
              -n do not wait for the service to start    -p keep a standby replica
              -b no exponential backoff between restarts -e detach the old instance on restart
              -f never restart                            -u (ignored)
              -q -a -o -s -x -y -z -d -m -t: live update options (update is not available yet)
            arguments (after the program path, each with a value):
              -args "<arguments>"   -dev <device node>   -major <n>   -devid <n>
              -period <ticks|nHZ>   -script <path>       -label <label>   -progname <name>
              -config <file>        -restarts <n>        -asr-count <n>   -trg-label <label>
              -state <n|expression> -maxtime <ticks|nHZ> -heap-prealloc <bytes>
              -map-prealloc <bytes> -ipc_bl <label,type:...>  -ipc_wl <label,type:...>
            """;
}
