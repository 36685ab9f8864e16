package minixj.servers.pm;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.layout.PmInfoMsg;
import minixj.lib.ipc.layout.PmMsg;

/**
 * User and group ids, supplementary groups, sessions and process groups. MINIX's (BSD) rules:
 * setuid/setgid need root or the real id and then set real, effective and saved ids alike;
 * seteuid/setegid need root, the real or the saved id, and set the effective id only. Only the
 * effective uid counts as privilege, for groups too. TODO(VFS): tell VFS of new ids and groups.
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
                if (!root && id != p.realUid) return Errno.EPERM;
                p.realUid = id;
                p.effUid = id;
                p.savedUid = id;
            }
            case PmMsg.PM_SETEUID -> {
                if (!root && id != p.realUid && id != p.savedUid) return Errno.EPERM;
                p.effUid = id;
            }
            case PmMsg.PM_SETGID -> {
                if (!root && id != p.realGid) return Errno.EPERM;
                p.realGid = id;
                p.effGid = id;
                p.savedGid = id;
            }
            default -> {
                if (!root && id != p.realGid && id != p.savedGid) return Errno.EPERM;
                p.effGid = id;
            }
        }
        return Errno.OK;
    }

    /** GETGROUPS (count only when asked for 0; EINVAL when the caller has room for fewer) and SETGROUPS (root). */
    static int groups(MProc p, int call, PmInfoMsg req) {
        int n = req.what();
        if (n < 0 || n > PmInfoMsg.NGROUPS_MAX) return Errno.EINVAL;
        if (call == PmMsg.PM_GETGROUPS) {
            if (n == 0) return p.groupCount;
            if (n < p.groupCount) return Errno.EINVAL;
            for (int i = 0; i < p.groupCount; i++) req.group(i, p.groups[i]);
            return p.groupCount;
        }
        if (p.effUid != SUPER_USER) return Errno.EPERM;
        for (int i = 0; i < n; i++) {
            if (req.group(i) < 0) return Errno.EINVAL;
        }
        for (int i = 0; i < n; i++) p.groups[i] = req.group(i);
        p.groupCount = n;
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
