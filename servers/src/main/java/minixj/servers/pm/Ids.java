package minixj.servers.pm;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.layout.PmMsg;

/**
 * User and group ids, sessions and process groups. Root (effective id 0) sets all three ids
 * with setuid/setgid; anyone else may only take its real or saved id, and then only the
 * effective id changes (POSIX; MINIX's BSD variant sets all three for everyone).
 */
final class Ids {
    static final int SUPER_USER = 0;

    private Ids() {
    }

    static int set(MProc p, int call, int id) {
        if (id < 0) return Errno.EINVAL;
        boolean root = p.effUid == SUPER_USER;
        switch (call) {
            case PmMsg.PM_SETUID -> {
                if (root) { p.realUid = id; p.effUid = id; p.savedUid = id; return Errno.OK; }
                if (id != p.realUid && id != p.savedUid) return Errno.EPERM;
                p.effUid = id;
            }
            case PmMsg.PM_SETEUID -> {
                if (!root && id != p.realUid && id != p.savedUid) return Errno.EPERM;
                p.effUid = id;
            }
            case PmMsg.PM_SETGID -> {
                if (root) { p.realGid = id; p.effGid = id; p.savedGid = id; return Errno.OK; }
                if (id != p.realGid && id != p.savedGid) return Errno.EPERM;
                p.effGid = id;
            }
            default -> {
                if (!root && id != p.realGid && id != p.savedGid) return Errno.EPERM;
                p.effGid = id;
            }
        }
        return Errno.OK;
    }

    /** A process group leader may not start a session (EPERM); otherwise it leads a new one. */
    static int setsid(ProcessTable table, MProc p) {
        for (MProc q : table.all()) {
            if (q.inUse() && q.pgrp == p.pid) return Errno.EPERM;
        }
        p.session = p.pid;
        p.pgrp = p.pid;
        return p.pid;
    }

    static int getsid(ProcessTable table, MProc caller, int pid) {
        if (pid == 0) return caller.session;
        MProc p = table.byPid(pid);
        return p == null ? Errno.ESRCH : p.session;
    }

    /** POSIX setpgid: the caller or one of its children, within the caller's session. */
    static int setpgid(ProcessTable table, MProc caller, int pid, int pgid) {
        if (pgid < 0) return Errno.EINVAL;
        MProc p = pid == 0 ? caller : table.byPid(pid);
        if (p == null || (p != caller && p.parent != caller.slot)) return Errno.ESRCH;
        if (p.session != caller.session || p.session == p.pid) return Errno.EPERM;
        int group = pgid == 0 ? p.pid : pgid;
        if (group != p.pid) {
            boolean exists = false;
            for (MProc q : table.all()) {
                if (q.inUse() && q.pgrp == group && q.session == caller.session) exists = true;
            }
            if (!exists) return Errno.EPERM;
        }
        p.pgrp = group;
        return Errno.OK;
    }
}
