package minixj.lib.rs;

import java.util.List;

/**
 * The status of one service as MINIX's {@code /proc/service/<label>} shows it: program name,
 * endpoint, pid, restart count, a nine-character flag summary, recovery policies and the ASR
 * count. RS answers {@code service sysctl srv_status} with these; procfs will show them.
 *
 * @param label the label
 * @param filename the program name
 * @param endpoint the endpoint
 * @param pid the process id (0 if PM has not told RS yet)
 * @param restarts completed restarts
 * @param flags RS's state bits ({@link ServiceFlags})
 * @param sysFlags the public flags ({@link SysFlags})
 * @param policies recovery policies ({@link RecoveryPolicies})
 * @param asrCount address-space re-randomising updates done
 */
public record ServiceStatus(String label, String filename, int endpoint, int pid, int restarts, int flags,
                           int sysFlags, List<String> policies, int asrCount) {
    public ServiceStatus {
        policies = List.copyOf(policies);
    }

    /**
     * The flag summary, one character per position, '-' when clear: A (active), U (updating), E
     * (exiting), N (killed for a missed heartbeat), C (has an in-memory copy), R (has a replica),
     * c (needs a copy), r (needs a replica), s (core service).
     */
    public String flagString() {
        return new String(new char[] {
            mark(flags, ServiceFlags.ACTIVE, 'A'), mark(flags, ServiceFlags.UPDATING, 'U'),
            mark(flags, ServiceFlags.EXITING, 'E'), mark(flags, ServiceFlags.NOPINGREPLY, 'N'),
            mark(sysFlags, SysFlags.USE_COPY, 'C'), mark(sysFlags, SysFlags.USE_REPL, 'R'),
            mark(sysFlags, SysFlags.NEED_COPY, 'c'), mark(sysFlags, SysFlags.NEED_REPL, 'r'),
            mark(sysFlags, SysFlags.CORE_SRV, 's')});
    }

    private static char mark(int bits, int bit, char c) {
        return (bits & bit) != 0 ? c : '-';
    }

    /** The file's text: one {@code name: value} line per field, in MINIX's order. */
    public String text() {
        return "filename: " + filename + "\n"
                + "endpoint: " + endpoint + "\n"
                + "pid: " + pid + "\n"
                + "restarts: " + restarts + "\n"
                + "flags: " + flagString() + "\n"
                + "policies: " + String.join(" ", policies) + "\n"
                + "ASRcount: " + asrCount + "\n";
    }
}
