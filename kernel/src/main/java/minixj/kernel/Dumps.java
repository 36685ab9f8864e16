package minixj.kernel;

import minixj.lib.ipc.Endpoint;

/** Text dumps of kernel tables, as MINIX's IS server prints them on its function keys. */
final class Dumps {
    private Dumps() {
    }

    static String processTable(Kernel k) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-5s %-10s %-16s %-4s %-5s %-9s %-9s %s%n", "slot", "endpoint", "name", "prio",
                "priv", "user-tck", "sendto", "flags"));
        for (int i = 0; i < k.procs.length(); i++) {
            Proc p = k.procs.at(i);
            if (p.isFree()) continue;
            sb.append(String.format("%-5d %-10d %-16s %-4d %-5s %-9d %-9s %s%n", p.slot, p.endpoint, p.name,
                    p.priority, p.priv == null ? "-" : String.valueOf(p.priv.id), p.userTicks,
                    p.has(RtsFlags.SENDING) ? String.valueOf(p.sendTo)
                            : p.has(RtsFlags.RECEIVING) ? "<-" + (p.getFrom == Endpoint.ANY ? "ANY" : p.getFrom) : "-",
                    RtsFlags.describe(p.rts)));
        }
        return sb.toString();
    }

    static String privilegeTable(Kernel k) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-3s %-5s %-6s %-6s %-18s %-18s %s%n", "id", "slot", "flags", "traps", "ipc_to",
                "kcalls", "sigmgr"));
        for (int id = 0; id < PrivTable.NR_SYS_PROCS; id++) {
            Priv p = k.privs.byId(id);
            if (!p.inUse()) continue;
            sb.append(String.format("%-3d %-5d 0x%-4x 0x%-4x %018x %018x %d%n", id, p.procSlot, p.flags, p.trapMask,
                    p.ipcTo, p.kernelCallMask, p.sigManager));
        }
        return sb.toString();
    }
}
