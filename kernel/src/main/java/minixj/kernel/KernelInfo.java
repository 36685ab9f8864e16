package minixj.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The records SYS_GETINFO copies out, with their fixed sizes (the caller states the size it
 * expects, and a mismatch fails the call — the check MINIX's getsysinfo relies on).
 */
final class KernelInfo {
    private KernelInfo() {
    }

    /** kinfo: nr_procs, nr_tasks, nr_sys_procs, hz, boot time (8), memory bytes (8), release tag (8). */
    static final int KINFO_SIZE = 40;
    /** One process: slot, endpoint, rts, misc, priority, priv id, scheduler, quantum ms, user/sys ticks (8 each), name (16). */
    static final int PROC_SIZE = 64;
    /** One privilege structure: id, slot, flags, trap mask, ipc_to (8), kcall mask (8), sig mgr, backup, init flags. */
    static final int PRIV_SIZE = 44;
    /** machine: processors, hz, memory bytes (8), free frames (8). */
    static final int MACHINE_SIZE = 24;

    static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static void putProc(ByteBuffer b, Proc p) {
        int start = b.position();
        b.putInt(p.slot).putInt(p.endpoint).putInt(p.rts).putInt(p.misc).putInt(p.priority)
                .putInt(p.priv == null ? -1 : p.priv.id).putInt(p.scheduler).putInt((int) (p.quantumNs / 1_000_000))
                .putLong(p.userTicks).putLong(p.sysTicks);
        putName(b, p.name);
        b.position(start + PROC_SIZE);
    }

    static void putPriv(ByteBuffer b, Priv priv) {
        int start = b.position();
        b.putInt(priv.id).putInt(priv.procSlot).putInt(priv.flags).putInt(priv.trapMask).putLong(priv.ipcTo)
                .putLong(priv.kernelCallMask).putInt(priv.sigManager).putInt(priv.backupSigManager)
                .putInt(priv.initFlags);
        b.position(start + PRIV_SIZE);
    }

    private static void putName(ByteBuffer b, String name) {
        byte[] bytes = new byte[16];
        byte[] src = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(src, 0, bytes, 0, Math.min(15, src.length));
        b.put(bytes);
    }
}
