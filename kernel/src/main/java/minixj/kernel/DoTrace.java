package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.layout.SysTraceMsg;

/**
 * SYS_TRACE: the kernel half of ptrace (PM does the rest). A traced process can be stopped,
 * resumed, single-stepped (it stops at its next kernel entry) or traced per system call, and its
 * memory read and written through its page table.
 */
final class DoTrace {
    private final Kernel kernel;

    DoTrace(Kernel kernel) {
        this.kernel = kernel;
    }

    int trace(Proc caller, Message m) {
        SysTraceMsg req = new SysTraceMsg(m);
        Proc p = kernel.procs.byEndpoint(req.endpoint());
        if (p == null || p.isTask()) return EINVAL;
        switch (req.request()) {
            case SysTraceMsg.T_STOP -> {
                kernel.rtsSet(p, RtsFlags.P_STOP);
                p.misc &= ~(MiscFlags.STEP | MiscFlags.SC_TRACE);
                return OK;
            }
            case SysTraceMsg.T_RESUME -> {
                kernel.rtsUnset(p, RtsFlags.P_STOP);
                return OK;
            }
            case SysTraceMsg.T_STEP -> {
                p.misc |= MiscFlags.STEP;
                kernel.rtsUnset(p, RtsFlags.P_STOP);
                return OK;
            }
            case SysTraceMsg.T_SYSCALL -> {
                p.misc |= MiscFlags.SC_TRACE;
                kernel.rtsUnset(p, RtsFlags.P_STOP);
                return OK;
            }
            case SysTraceMsg.T_DETACH -> {
                p.misc &= ~(MiscFlags.STEP | MiscFlags.SC_TRACE | MiscFlags.SC_ACTIVE);
                kernel.rtsUnset(p, RtsFlags.P_STOP);
                return OK;
            }
            case SysTraceMsg.T_GETINS, SysTraceMsg.T_GETDATA -> {
                byte[] word = new byte[4];
                int r = kernel.memory.copyFromProcess(p, req.address(), word, 4);
                if (r != OK) return EFAULT;
                req.data((word[0] & 0xff) | (word[1] & 0xff) << 8 | (word[2] & 0xff) << 16 | (long) (word[3] & 0xff) << 24);
                return OK;
            }
            case SysTraceMsg.T_SETINS, SysTraceMsg.T_SETDATA -> {
                long v = req.data();
                byte[] word = {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
                return kernel.memory.copyToProcess(p, req.address(), word, 4) == OK ? OK : EFAULT;
            }
            case SysTraceMsg.T_READB_INS -> {
                byte[] b = new byte[1];
                if (kernel.memory.copyFromProcess(p, req.address(), b, 1) != OK) return EFAULT;
                req.data(b[0] & 0xff);
                return OK;
            }
            case SysTraceMsg.T_WRITEB_INS -> {
                byte[] b = {(byte) req.data()};
                return kernel.memory.copyToProcess(p, req.address(), b, 1) == OK ? OK : EFAULT;
            }
            case SysTraceMsg.T_GETUSER -> {
                long value = switch ((int) req.address()) {
                    case SysTraceMsg.USER_ENDPOINT -> p.endpoint;
                    case SysTraceMsg.USER_RTS_FLAGS -> p.rts;
                    case SysTraceMsg.USER_PRIORITY -> p.priority;
                    case SysTraceMsg.USER_USER_TICKS -> p.userTicks;
                    case SysTraceMsg.USER_SYS_TICKS -> p.sysTicks;
                    default -> Long.MIN_VALUE;
                };
                if (value == Long.MIN_VALUE) return EFAULT;
                req.data(value);
                return OK;
            }
            case SysTraceMsg.T_SETUSER -> {
                return EFAULT; // a Java program has no registers to set
            }
            default -> {
                return EINVAL;
            }
        }
    }
}
