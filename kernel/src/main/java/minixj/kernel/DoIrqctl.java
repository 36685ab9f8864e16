package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.layout.SysIrqctlMsg;

/** SYS_IRQCTL: interrupt hooks of drivers. */
final class DoIrqctl {
    private final Kernel kernel;

    DoIrqctl(Kernel kernel) {
        this.kernel = kernel;
    }

    int irqctl(Proc caller, Message m) {
        SysIrqctlMsg req = new SysIrqctlMsg(m);
        Interrupts irqs = kernel.interrupts;
        switch (req.request()) {
            case SysIrqctlMsg.IRQ_SETPOLICY -> {
                int r = irqs.setPolicy(caller, req.irq(), req.policy(), req.notifyId());
                if (r < 0) return r;
                req.hookId(r);
                return OK;
            }
            case SysIrqctlMsg.IRQ_RMPOLICY -> {
                return irqs.removePolicy(caller, req.hookId());
            }
            case SysIrqctlMsg.IRQ_ENABLE -> {
                return irqs.enable(caller, req.hookId(), true);
            }
            case SysIrqctlMsg.IRQ_DISABLE -> {
                return irqs.enable(caller, req.hookId(), false);
            }
            default -> {
                return EINVAL;
            }
        }
    }
}
