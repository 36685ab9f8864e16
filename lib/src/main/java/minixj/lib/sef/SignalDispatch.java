package minixj.lib.sef;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.NotifyMessage;
import minixj.lib.sys.PendingSignals;
import minixj.lib.sys.Sys;

/**
 * Signals of a system service (spec minix-os §2.5, minix-reliability §3.4): kernel signals
 * come as a notify from SYSTEM carrying a signal set; signals forwarded by a signal manager
 * come as SIGS_SIGNAL_RECEIVED. A service that manages others fetches their signals with
 * SYS_GETKSIG when the kernel sends it SIGKSIG.
 */
final class SignalDispatch {
    private final Sef sef;
    private final Trap trap;
    private final SefCallbacks callbacks;

    SignalDispatch(Sef sef, Trap trap, SefCallbacks callbacks) {
        this.sef = sef;
        this.trap = trap;
        this.callbacks = callbacks;
    }

    /** A notify from SYSTEM: the kernel signals in its set, in MINIX's order. */
    void kernelNotify(Message notify) {
        SigSet set = new NotifyMessage(notify).sigset();
        for (int signal = Signals.SIGKMEM; signal <= Signals.SIGKSIG; signal++) {
            if (!set.contains(signal)) continue;
            if (signal == Signals.SIGKSIG) manageSignals();
            else if (signal != Signals.SIGKSIGSM) handle(signal);
        }
        // Signals posted to the service itself: with SIGKSIGSM when it is its own manager, or
        // alone when the kernel sends one straight to it (e.g. SIGSNDELAY to PM).
        for (int signal = 1; signal <= Signals.SIGSNDELAY; signal++) {
            if (set.contains(signal)) handle(signal);
        }
    }

    /** SIGS_SIGNAL_RECEIVED from the service's signal manager. */
    void fromManager(int signal) {
        if (signal >= 1 && signal <= Signals.SIGSNDELAY) handle(signal);
    }

    private void handle(int signal) {
        if (callbacks.signalHandler != null) callbacks.signalHandler.signal(signal);
    }

    /** SIGKSIG: every managed process with pending signals, each signal to the manager callback. */
    private void manageSignals() {
        while (true) {
            PendingSignals pending = Sys.getksig(trap);
            if (pending.result() != Errno.OK) throw sef.panic("SYS_GETKSIG failed: " + Errno.name(pending.result()));
            int target = pending.endpoint();
            if (target == Endpoint.NONE) return;
            boolean gone = false;
            for (int signal = 1; signal <= Signals.SIGSNDELAY && !gone; signal++) {
                if (!pending.signals().contains(signal)) continue;
                SignalManager manager = callbacks.signalManager;
                gone = manager != null && manager.signal(target, signal) == Errno.EDEADEPT;
            }
            // The target may have died meanwhile; then there is nothing left to end.
            if (!gone) Sys.endksig(trap, target);
        }
    }
}
