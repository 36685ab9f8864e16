package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.PrivFlags;

/**
 * Interrupts from host-side devices. Drivers register hooks with SYS_IRQCTL; a device thread
 * {@link #raise}s its line, and the kernel sets the hook's bit in the driver's pending
 * interrupts and notifies it from HARDWARE. In virtual-time mode interrupts are delivered only
 * when the machine is idle, and the idle machine waits for devices that still owe an interrupt,
 * so a run does not depend on how fast the host is.
 */
final class Interrupts {
    static final int NR_IRQ_VECTORS = 64;
    static final int NR_IRQ_HOOKS = 64;
    /** Re-enable the line automatically after each interrupt. */
    static final int IRQ_REENABLE = 0x001;

    static final class Hook {
        int endpoint = Endpoint.NONE;
        int irq;
        int notifyId;
        int policy;
        boolean enabled;

        boolean inUse() {
            return endpoint != Endpoint.NONE;
        }
    }

    private final Kernel kernel;
    private final Hook[] hooks = new Hook[NR_IRQ_HOOKS];
    private final ConcurrentLinkedQueue<Integer> raised = new ConcurrentLinkedQueue<>();
    private final AtomicInteger owed = new AtomicInteger();

    Interrupts(Kernel kernel) {
        this.kernel = kernel;
        for (int i = 0; i < hooks.length; i++) hooks[i] = new Hook();
    }

    /** Host side: a device raises {@code irq}. Thread-safe. */
    void raise(int irq) {
        raised.add(irq);
        owed.updateAndGet(n -> Math.max(0, n - 1));
        kernel.wake();
    }

    /** Host side: a device has started work that will end with an interrupt (virtual time waits for it). */
    void expect() {
        owed.incrementAndGet();
    }

    /** True when the idle machine must wait for a device rather than jump the clock. */
    boolean awaitingHost() {
        return owed.get() > 0 && raised.isEmpty();
    }

    /**
     * Delivers raised interrupts (kernel context). In virtual time only an idle machine takes
     * them (nothing runnable), which is a point that does not depend on the host's speed.
     * Returns true if any interrupt was taken.
     */
    boolean deliverPending(boolean machineIdle) {
        if (raised.isEmpty()) return false;
        if (kernel.clock.virtual && !machineIdle) {
            return false;
        }
        Integer irq;
        while ((irq = raised.poll()) != null) {
            kernel.trace.event(Trace.IRQ, irq, 0, 0);
            for (Hook h : hooks) {
                if (!h.inUse() || h.irq != irq || !h.enabled) continue;
                Proc p = kernel.procs.byEndpoint(h.endpoint);
                if (p == null) continue;
                p.priv.intPending |= 1L << h.notifyId;
                if ((h.policy & IRQ_REENABLE) == 0) h.enabled = false;
                kernel.ipc.notify(kernel.procs.slot(Endpoint.HARDWARE), p.endpoint);
            }
        }
        return true;
    }

    /** IRQ_SETPOLICY: returns the hook id (>= 0) or an error. */
    int setPolicy(Proc caller, int irq, int policy, int notifyId) {
        if (irq < 0 || irq >= NR_IRQ_VECTORS) return EINVAL;
        if (notifyId < 0 || notifyId >= 64) return EINVAL;
        if ((caller.priv.flags & PrivFlags.CHECK_IRQ) != 0) {
            boolean allowed = false;
            for (int[] r : caller.priv.irqs) allowed |= r[0] == irq;
            if (!allowed) return EPERM;
        }
        for (int id = 0; id < hooks.length; id++) {
            Hook h = hooks[id];
            if (h.inUse()) continue;
            h.endpoint = caller.endpoint;
            h.irq = irq;
            h.policy = policy;
            h.notifyId = notifyId;
            h.enabled = true;
            return id;
        }
        return ENOSPC;
    }

    private Hook hookOf(Proc caller, int hookId) {
        if (hookId < 0 || hookId >= hooks.length) return null;
        Hook h = hooks[hookId];
        return h.inUse() && h.endpoint == caller.endpoint ? h : null;
    }

    int removePolicy(Proc caller, int hookId) {
        Hook h = hookOf(caller, hookId);
        if (h == null) return EINVAL;
        h.endpoint = Endpoint.NONE;
        h.enabled = false;
        return OK;
    }

    int enable(Proc caller, int hookId, boolean on) {
        Hook h = hookOf(caller, hookId);
        if (h == null) return EINVAL;
        h.enabled = on;
        return OK;
    }

    void releaseHooks(Proc p) {
        for (Hook h : hooks) {
            if (h.endpoint == p.endpoint) {
                h.endpoint = Endpoint.NONE;
                h.enabled = false;
            }
        }
    }
}
