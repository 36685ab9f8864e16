package minixj.kernel;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Signals;

/**
 * Kernel signal plumbing (spec §2.5): signals caused by the kernel are posted to the target's
 * signal manager, which collects them with SYS_GETKSIG and finishes with SYS_ENDKSIG.
 */
final class KernelSignals {
    private final Kernel kernel;

    KernelSignals(Kernel kernel) {
        this.kernel = kernel;
    }

    /** send_sig: a kernel signal for a system process itself, by a notify from SYSTEM. */
    void sendSig(Proc target, int signal) {
        if (target == null || target.isFree() || target.priv == null) return;
        target.priv.sigPending.add(signal);
        kernel.ipc.notify(kernel.procs.slot(Endpoint.SYSTEM), target.endpoint);
    }

    /**
     * cause_sig: stop the target and tell its signal manager; a self-managed process gets the
     * signal itself (SIGKSIGSM), except lethal ones, which go to its backup manager.
     */
    void causeSig(Proc rp, int signal) {
        if (rp == null || rp.isFree() || rp.priv == null) return;
        kernel.trace.event(Trace.SIGNAL, rp.endpoint, signal, 0);
        Priv priv = rp.priv;
        int manager = priv.sigManager == Endpoint.SELF ? rp.endpoint : priv.sigManager;
        if (manager == rp.endpoint) {
            if (Signals.isLethal(signal)) {
                int backup = priv.backupSigManager;
                Proc bp = backup == Endpoint.NONE ? null : kernel.procs.byEndpoint(backup);
                if (bp == null) {
                    kernel.panic("cause_sig: " + rp.name + " has no backup signal manager for signal " + signal);
                    return;
                }
                priv.sigManager = backup;
                priv.backupSigManager = Endpoint.NONE;
                kernel.rtsUnset(bp, RtsFlags.NO_PRIV);
                manager = backup;
            } else {
                priv.sigPending.add(signal);
                sendSig(rp, Signals.SIGKSIGSM);
                return;
            }
        }
        if (!rp.pending.contains(signal)) {
            rp.pending.add(signal);
            if (!rp.has(RtsFlags.SIGNALED)) {
                kernel.rtsSet(rp, RtsFlags.SIGNALED | RtsFlags.SIG_PENDING);
                Proc mp = kernel.procs.byEndpoint(manager);
                if (mp == null) {
                    kernel.log("kernel: signal " + signal + " for " + rp.name + " has no live manager " + manager);
                    return;
                }
                sendSig(mp, Signals.SIGKSIG);
            }
        }
    }

    /** A process stopped with RC_DELAY finished its send: PM gets SIGSNDELAY. */
    void sigDelayDone(Proc p) {
        p.misc &= ~MiscFlags.SIG_DELAY;
        kernel.rtsSet(p, RtsFlags.PROC_STOP);
        sendSig(kernel.procs.slot(Endpoint.PM), Signals.SIGSNDELAY);
    }

    /** Virtual and profiling itimers, counted in ticks of CPU use. */
    void tickItimers(Proc p) {
        if ((p.misc & MiscFlags.VIRT_TIMER) != 0 && --p.virtualTimerTicks <= 0) {
            p.misc &= ~MiscFlags.VIRT_TIMER;
            causeSig(p, Signals.SIGVTALRM);
        }
        if ((p.misc & MiscFlags.PROF_TIMER) != 0 && --p.profTimerTicks <= 0) {
            p.misc &= ~MiscFlags.PROF_TIMER;
            causeSig(p, Signals.SIGPROF);
        }
    }

    /** SYS_GETKSIG: the next process managed by {@code manager} with pending signals, or null. */
    Proc nextSignaled(Proc manager) {
        for (int i = 0; i < kernel.procs.length(); i++) {
            Proc p = kernel.procs.at(i);
            if (p.isFree() || p.priv == null || !p.has(RtsFlags.SIGNALED)) continue;
            int m = p.priv.sigManager == Endpoint.SELF ? p.endpoint : p.priv.sigManager;
            if (m == manager.endpoint) return p;
        }
        return null;
    }
}
