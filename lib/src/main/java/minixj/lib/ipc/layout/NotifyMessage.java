package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * A notification ({@code NOTIFY_MESSAGE}): the tick it was built at and, from HARDWARE, the
 * pending interrupt bits or, from SYSTEM, the pending kernel signals.
 */
public record NotifyMessage(Message message) {
    private static final int TIMESTAMP = 0;
    private static final int INTERRUPTS = 8;
    private static final int SIGSET_LOW = 8;
    private static final int SIGSET_HIGH = 16;

    public long timestamp() {
        return message.getLong(TIMESTAMP);
    }

    public NotifyMessage timestamp(long ticks) {
        message.putLong(TIMESTAMP, ticks);
        return this;
    }

    /** Interrupt bits (one per IRQ hook notify id); only in notifications from HARDWARE. */
    public long interrupts() {
        return message.getLong(INTERRUPTS);
    }

    public NotifyMessage interrupts(long bits) {
        message.putLong(INTERRUPTS, bits);
        return this;
    }

    /** Pending kernel signals; only in notifications from SYSTEM. */
    public minixj.lib.ipc.SigSet sigset() {
        return new minixj.lib.ipc.SigSet(message.getLong(SIGSET_LOW), message.getLong(SIGSET_HIGH));
    }

    public NotifyMessage sigset(long low, long high) {
        message.putLong(SIGSET_LOW, low);
        message.putLong(SIGSET_HIGH, high);
        return this;
    }
}
