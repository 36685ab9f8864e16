package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_IRQCTL: request, line, policy, hook id and the notify id whose bit the interrupt sets. */
public record SysIrqctlMsg(Message message) {
    public static final int IRQ_SETPOLICY = 1;
    public static final int IRQ_RMPOLICY = 2;
    public static final int IRQ_ENABLE = 3;
    public static final int IRQ_DISABLE = 4;
    /** Policy: re-enable the line after each interrupt. */
    public static final int IRQ_REENABLE = 1;

    public int request() { return message.getInt(0); }
    public SysIrqctlMsg request(int v) { message.putInt(0, v); return this; }
    public int irq() { return message.getInt(4); }
    public SysIrqctlMsg irq(int v) { message.putInt(4, v); return this; }
    public int policy() { return message.getInt(8); }
    public SysIrqctlMsg policy(int v) { message.putInt(8, v); return this; }
    public int hookId() { return message.getInt(12); }
    public SysIrqctlMsg hookId(int v) { message.putInt(12, v); return this; }
    public int notifyId() { return message.getInt(16); }
    public SysIrqctlMsg notifyId(int v) { message.putInt(16, v); return this; }
}
