package minixj.lib.rs.config;

import java.util.Map;
import minixj.lib.ipc.layout.VmMsg;

/**
 * The VM call names the {@code vm} keyword accepts (a call's name without its {@code VM_}
 * prefix) and their numbers, {@link VmMsg#VM_RQ_BASE} + n, where bit n of a VM call mask allows
 * the call.
 *
 * <p>The calls VM implements take their numbers from {@link VmMsg}. The others have numbers here
 * so that a configuration can name them today; VM must use these numbers when it implements them.
 * They follow MINIX's com.h, shifted by one for the calls from PM, as MinixJ's EXIT, FORK and BRK
 * are. {@code PUSH_SIG} is accepted and does nothing, as in MINIX.
 */
public final class VmCallNames {
    private VmCallNames() {
    }

    private static final int BASE = VmMsg.VM_RQ_BASE;

    /** Name (without {@code VM_}) to VM call number. */
    public static final Map<String, Integer> CALLS = Map.ofEntries(
            Map.entry("EXIT", VmMsg.VM_EXIT),
            Map.entry("FORK", VmMsg.VM_FORK),
            Map.entry("BRK", VmMsg.VM_BRK),
            Map.entry("EXEC_NEWMEM", BASE + 4),
            Map.entry("WILLEXIT", BASE + 6),
            Map.entry("MMAP", VmMsg.VM_MMAP),
            Map.entry("ADDDMA", BASE + 12),
            Map.entry("DELDMA", BASE + 13),
            Map.entry("GETDMA", BASE + 14),
            Map.entry("MAP_PHYS", BASE + 15),
            Map.entry("UNMAP_PHYS", BASE + 16),
            Map.entry("MUNMAP", VmMsg.VM_MUNMAP),
            Map.entry("MAPCACHEPAGE", BASE + 26),
            Map.entry("SETCACHEPAGE", BASE + 27),
            Map.entry("CLEARCACHE", BASE + 28),
            Map.entry("FORGETCACHEPAGE", BASE + 29),
            Map.entry("VFS_REPLY", BASE + 30),
            Map.entry("REMAP", VmMsg.VM_REMAP),
            Map.entry("SHM_UNMAP", VmMsg.VM_SHM_UNMAP),
            Map.entry("GETPHYS", VmMsg.VM_GETPHYS),
            Map.entry("GETREF", VmMsg.VM_GETREF),
            Map.entry("RS_SET_PRIV", VmMsg.VM_RS_SET_PRIV),
            Map.entry("INFO", VmMsg.VM_INFO),
            Map.entry("RS_UPDATE", VmMsg.VM_RS_UPDATE),
            Map.entry("RS_MEMCTL", BASE + 42),
            Map.entry("REMAP_RO", VmMsg.VM_REMAP_RO),
            Map.entry("PROCCTL", BASE + 45),
            Map.entry("VFS_MMAP", BASE + 46),
            Map.entry("GETRUSAGE", BASE + 47),
            Map.entry("RS_PREPARE", BASE + 48));

    /** Accepted by name but allowing nothing (MINIX kept the name after the call went away). */
    public static final String NO_OP = "PUSH_SIG";

    /** VM_BASIC_CALLS: BRK, MMAP, MUNMAP, MAP_PHYS, UNMAP_PHYS, INFO, GETRUSAGE. */
    public static final long BASIC_MASK = bit("BRK") | bit("MMAP") | bit("MUNMAP") | bit("MAP_PHYS")
            | bit("UNMAP_PHYS") | bit("INFO") | bit("GETRUSAGE");

    /** Every VM call. */
    public static final long ALL_MASK = -1L;

    /** The call number of {@code name}, or -1 if there is no such VM call. */
    public static int number(String name) {
        Integer number = CALLS.get(name);
        return number == null ? -1 : number;
    }

    /** The mask bit of the call named {@code name}. */
    public static long bit(String name) {
        return 1L << (CALLS.get(name) - BASE);
    }
}
