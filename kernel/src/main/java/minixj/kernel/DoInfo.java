package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.layout.SysAbortMsg;
import minixj.lib.ipc.layout.SysDiagctlMsg;
import minixj.lib.ipc.layout.SysGetinfoMsg;

/** Information and diagnostics: SYS_GETINFO, SYS_DIAGCTL, SYS_ABORT. */
final class DoInfo {
    /** Longest DIAG text taken from memory. */
    static final int DIAG_MAX = 4096;

    private final Kernel kernel;

    DoInfo(Kernel kernel) {
        this.kernel = kernel;
    }

    int getinfo(Proc caller, Message m) {
        SysGetinfoMsg req = new SysGetinfoMsg(m);
        switch (req.request()) {
            case SysGetinfoMsg.GET_WHOAMI -> {
                req.endpoint(caller.endpoint).flags(caller.priv.flags).valueInt(caller.priv.initFlags).name(caller.name);
                return OK;
            }
            case SysGetinfoMsg.GET_HZ -> {
                req.valueInt(kernel.clock.hz);
                ByteBuffer b = KernelInfo.buffer(4).putInt(kernel.clock.hz);
                return req.address() == 0 ? OK : copyOut(caller, req, b);
            }
            case SysGetinfoMsg.GET_KINFO -> {
                ByteBuffer b = KernelInfo.buffer(KernelInfo.KINFO_SIZE)
                        .putInt(ProcTable.NR_PROCS).putInt(ProcTable.NR_TASKS).putInt(PrivTable.NR_SYS_PROCS)
                        .putInt(kernel.clock.hz).putLong(kernel.clock.bootTimeSeconds)
                        .putLong(kernel.config.memoryBytes())
                        .put("3.4.0-j\0".getBytes(StandardCharsets.US_ASCII));
                return copyOut(caller, req, b);
            }
            case SysGetinfoMsg.GET_MACHINE -> {
                ByteBuffer b = KernelInfo.buffer(KernelInfo.MACHINE_SIZE).putInt(1).putInt(kernel.clock.hz)
                        .putLong(kernel.config.memoryBytes()).putLong(kernel.memory.freeBytes());
                return copyOut(caller, req, b);
            }
            case SysGetinfoMsg.GET_PROCTAB -> {
                ByteBuffer b = KernelInfo.buffer(KernelInfo.PROC_SIZE * kernel.procs.length());
                for (int i = 0; i < kernel.procs.length(); i++) KernelInfo.putProc(b, kernel.procs.at(i));
                return copyOut(caller, req, b);
            }
            case SysGetinfoMsg.GET_PROC -> {
                int ep = req.endpoint() == Endpoint.SELF ? caller.endpoint : req.endpoint();
                Proc p = kernel.procs.byEndpoint(ep);
                if (p == null) return EINVAL;
                ByteBuffer b = KernelInfo.buffer(KernelInfo.PROC_SIZE);
                KernelInfo.putProc(b, p);
                return copyOut(caller, req, b);
            }
            case SysGetinfoMsg.GET_PRIVTAB -> {
                ByteBuffer b = KernelInfo.buffer(KernelInfo.PRIV_SIZE * PrivTable.NR_SYS_PROCS);
                for (int id = 0; id < PrivTable.NR_SYS_PROCS; id++) KernelInfo.putPriv(b, kernel.privs.byId(id));
                return copyOut(caller, req, b);
            }
            case SysGetinfoMsg.GET_PRIV -> {
                int ep = req.endpoint() == Endpoint.SELF ? caller.endpoint : req.endpoint();
                Proc p = kernel.procs.byEndpoint(ep);
                if (p == null || p.priv == null) return EINVAL;
                ByteBuffer b = KernelInfo.buffer(KernelInfo.PRIV_SIZE);
                KernelInfo.putPriv(b, p.priv);
                return copyOut(caller, req, b);
            }
            case SysGetinfoMsg.GET_BOOTFILES -> {
                ByteBuffer b = KernelInfo.buffer(16).putLong(kernel.memory.bootFilesAddress)
                        .putLong(kernel.memory.bootFilesLength);
                return copyOut(caller, req, b);
            }
            case SysGetinfoMsg.GET_RANDOMNESS_BIN -> {
                int n = req.size();
                if (n <= 0 || n > 4096) return EINVAL;
                ByteBuffer b = KernelInfo.buffer(n);
                kernel.randomBytes(b.array());
                return copyOut(caller, req, b);
            }
            default -> {
                return EINVAL;
            }
        }
    }

    /** Copies a record to the caller's buffer after checking the size it said it expects. */
    private int copyOut(Proc caller, SysGetinfoMsg req, ByteBuffer b) {
        if (req.size() != b.capacity()) return EINVAL;
        return kernel.memory.copyToProcess(caller, req.address(), b.array(), b.capacity());
    }

    int diagctl(Proc caller, Message m) {
        SysDiagctlMsg req = new SysDiagctlMsg(m);
        switch (req.code()) {
            case SysDiagctlMsg.DIAG -> {
                String text;
                if (req.address() == 0) {
                    text = req.inlineText();
                } else {
                    int n = req.length();
                    if (n < 0 || n > DIAG_MAX) return EINVAL;
                    byte[] bytes = new byte[n];
                    int r = kernel.memory.copyFromProcess(caller, req.address(), bytes, n);
                    if (r != OK) return r;
                    text = new String(bytes, StandardCharsets.UTF_8);
                }
                kernel.diagnostic(text);
                return OK;
            }
            case SysDiagctlMsg.STACKTRACE -> {
                Proc p = kernel.procs.byEndpoint(req.endpoint());
                if (p == null) return EINVAL;
                kernel.log(kernel.stackTrace(p));
                return OK;
            }
            case SysDiagctlMsg.REGISTER -> {
                caller.priv.diagSignal = true;
                return OK;
            }
            case SysDiagctlMsg.UNREGISTER -> {
                caller.priv.diagSignal = false;
                return OK;
            }
            default -> {
                return EINVAL;
            }
        }
    }

    /** SYS_ABORT: the machine stops (halt, reboot, power off all end this machine's run). */
    int abort(Proc caller, Message m) {
        int how = new SysAbortMsg(m).how();
        String what = switch (how) {
            case SysAbortMsg.RBT_HALT -> "halt";
            case SysAbortMsg.RBT_REBOOT -> "reboot";
            case SysAbortMsg.RBT_PANIC -> "panic";
            case SysAbortMsg.RBT_POWEROFF -> "poweroff";
            case SysAbortMsg.RBT_RESET -> "reset";
            default -> "abort " + how;
        };
        kernel.log("kernel: " + what + " requested by " + caller.name);
        kernel.halt(what + " by " + caller.name);
        return OK;
    }

}
