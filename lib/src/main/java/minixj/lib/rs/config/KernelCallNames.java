package minixj.lib.rs.config;

import java.util.Map;
import minixj.lib.ipc.SysCalls;

/**
 * The kernel call names the {@code system} keyword accepts: a call's name without its
 * {@code SYS_} prefix ({@code IRQCTL} for {@code SYS_IRQCTL}), as MINIX writes them.
 *
 * <p>MINIX's parser knows only the calls a driver might need on top of the basic set (PRIVCTL,
 * TRACE, KILL, UMAP, VIRCOPY, PHYSCOPY, UMAP_REMOTE, VUMAP, IRQCTL, DEVIO, SDEVIO, VDEVIO, ABORT,
 * IOPENABLE, READBIOS, STIME, VMCTL, MEMSET, PADCONF) and gives MINIX's own servers {@code ALL}.
 * MinixJ accepts every kernel call by name, so a server can be given exactly what it uses
 * ({@code system SCHEDULE SCHEDCTL;} for SCHED).
 */
public final class KernelCallNames {
    private KernelCallNames() {
    }

    /** Name (without {@code SYS_}) to kernel call number. */
    public static final Map<String, Integer> CALLS = Map.ofEntries(
            Map.entry("FORK", SysCalls.SYS_FORK),
            Map.entry("EXEC", SysCalls.SYS_EXEC),
            Map.entry("CLEAR", SysCalls.SYS_CLEAR),
            Map.entry("SCHEDULE", SysCalls.SYS_SCHEDULE),
            Map.entry("PRIVCTL", SysCalls.SYS_PRIVCTL),
            Map.entry("TRACE", SysCalls.SYS_TRACE),
            Map.entry("KILL", SysCalls.SYS_KILL),
            Map.entry("GETKSIG", SysCalls.SYS_GETKSIG),
            Map.entry("ENDKSIG", SysCalls.SYS_ENDKSIG),
            Map.entry("SIGSEND", SysCalls.SYS_SIGSEND),
            Map.entry("SIGRETURN", SysCalls.SYS_SIGRETURN),
            Map.entry("MEMSET", SysCalls.SYS_MEMSET),
            Map.entry("UMAP", SysCalls.SYS_UMAP),
            Map.entry("VIRCOPY", SysCalls.SYS_VIRCOPY),
            Map.entry("PHYSCOPY", SysCalls.SYS_PHYSCOPY),
            Map.entry("UMAP_REMOTE", SysCalls.SYS_UMAP_REMOTE),
            Map.entry("VUMAP", SysCalls.SYS_VUMAP),
            Map.entry("IRQCTL", SysCalls.SYS_IRQCTL),
            Map.entry("DEVIO", SysCalls.SYS_DEVIO),
            Map.entry("SDEVIO", SysCalls.SYS_SDEVIO),
            Map.entry("VDEVIO", SysCalls.SYS_VDEVIO),
            Map.entry("SETALARM", SysCalls.SYS_SETALARM),
            Map.entry("TIMES", SysCalls.SYS_TIMES),
            Map.entry("GETINFO", SysCalls.SYS_GETINFO),
            Map.entry("ABORT", SysCalls.SYS_ABORT),
            Map.entry("IOPENABLE", SysCalls.SYS_IOPENABLE),
            Map.entry("SAFECOPYFROM", SysCalls.SYS_SAFECOPYFROM),
            Map.entry("SAFECOPYTO", SysCalls.SYS_SAFECOPYTO),
            Map.entry("VSAFECOPY", SysCalls.SYS_VSAFECOPY),
            Map.entry("SETGRANT", SysCalls.SYS_SETGRANT),
            Map.entry("READBIOS", SysCalls.SYS_READBIOS),
            Map.entry("SPROF", SysCalls.SYS_SPROF),
            Map.entry("STIME", SysCalls.SYS_STIME),
            Map.entry("SETTIME", SysCalls.SYS_SETTIME),
            Map.entry("VMCTL", SysCalls.SYS_VMCTL),
            Map.entry("DIAGCTL", SysCalls.SYS_DIAGCTL),
            Map.entry("VTIMER", SysCalls.SYS_VTIMER),
            Map.entry("RUNCTL", SysCalls.SYS_RUNCTL),
            Map.entry("GETMCONTEXT", SysCalls.SYS_GETMCONTEXT),
            Map.entry("SETMCONTEXT", SysCalls.SYS_SETMCONTEXT),
            Map.entry("UPDATE", SysCalls.SYS_UPDATE),
            Map.entry("EXIT", SysCalls.SYS_EXIT),
            Map.entry("SCHEDCTL", SysCalls.SYS_SCHEDCTL),
            Map.entry("STATECTL", SysCalls.SYS_STATECTL),
            Map.entry("SAFEMEMSET", SysCalls.SYS_SAFEMEMSET),
            Map.entry("PADCONF", SysCalls.SYS_PADCONF));

    /** The call number of {@code name}, or -1 if there is no such kernel call. */
    public static int number(String name) {
        Integer number = CALLS.get(name);
        return number == null ? -1 : number;
    }
}
