package minixj.lib.sef;

import java.util.Objects;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.FiCtlMsg;
import minixj.lib.ipc.layout.RsInitMsg;
import minixj.lib.ipc.layout.RsLuPrepareMsg;
import minixj.lib.ipc.layout.SigsSignalMsg;
import minixj.lib.sys.Sys;
import minixj.lib.sys.WhoAmI;

/**
 * The System Event Framework: the frame every system service (server or driver) runs in
 * (MINIX's {@code sef_*}, spec minix-reliability §3). A service registers callbacks for the
 * events of its life — init (fresh, restart, live update), heartbeat pings, signals,
 * live-update preparation, fault injection — then calls {@link #startup()} once and uses
 * {@link #receive} as its only receive. SEF handles the framework's messages inside
 * {@code receive} and hands the service only its own requests.
 *
 * <pre>{@code
 * Sef sef = Sef.builder()
 *         .onInitFresh(info -> { table.clear(); return Errno.OK; })
 *         .onInitRestart(info -> Errno.OK)          // keep the endpoint, start over
 *         .onSignal(signal -> { if (signal == Signals.SIGTERM) stopping = true; })
 *         .build()
 *         .startup();
 * Message m = new Message();
 * while (!stopping) {
 *     if (sef.receive(Endpoint.ANY, m) != Errno.OK) continue;
 *     ... serve m, reply to m.source() ...
 * }
 * }</pre>
 *
 * <p><b>Startup.</b> SEF asks the kernel who the process is (SYS_GETINFO WHOAMI). If RS runs
 * (a process holds endpoint {@link Endpoint#RS}), the service receives only from RS until a
 * genuine RS_INIT arrives — anything else RS sends meanwhile was meant for a previous instance
 * and is dropped; other senders stay queued — runs the init callback for the init type and
 * checks in with the result (SENDREC RS_INIT). A failed init (or ERESTART, "reincarnate me") is
 * reported and the service then exits with a {@link Panic}. When no RS runs (machines built for
 * tests, boot images without RS) the fresh init runs at once. RS itself initialises without a
 * message, with the type its privilege flags give (LU_SYS_PROC, RST_SYS_PROC).
 *
 * <p><b>Defaults</b> are MINIX's: fresh init does nothing; restart answers ERESTART (RS
 * reincarnates the service with a new endpoint: the "reset" policy — register a restart
 * callback that returns OK for the "restart" policy, which keeps the endpoint); live update runs
 * the restart callback for an identity update if there is one, else ENOSYS; pings are answered;
 * signals are ignored; a signal manager accepts every signal; only WORK_FREE is a supported
 * prepare state.
 *
 * <p>A {@code Sef} belongs to one process and is used on that process's thread only. It keeps
 * no static state.
 */
public final class Sef {
    private final Trap trap;
    private final SefCallbacks callbacks;
    private final LiveUpdate liveUpdate;
    private final SignalDispatch signals;
    private int self = Endpoint.NONE;
    private String name = "";
    private int privilegeFlags;
    private InitInfo initInfo;
    private boolean started;
    private boolean cancelPending;
    private int status;

    private Sef(Trap trap, SefCallbacks callbacks) {
        this.trap = trap;
        this.callbacks = callbacks;
        this.liveUpdate = new LiveUpdate(this, trap, callbacks);
        this.signals = new SignalDispatch(this, trap, callbacks);
    }

    /** A builder for the callbacks; {@link Builder#build()} makes the process's SEF. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Learns who the process is, waits for RS's RS_INIT (if RS runs), runs the matching init
     * callback and checks in. Returns only after a successful init; a failed one ends the
     * process with a {@link Panic} after RS was told.
     *
     * @return this SEF, for chaining
     * @throws IllegalStateException when called twice
     */
    public Sef startup() {
        if (started) throw new IllegalStateException("SEF started twice");
        WhoAmI me = Sys.whoami(trap);
        if (me.result() != Errno.OK) throw new Panic("SEF: SYS_GETINFO WHOAMI failed: " + Errno.name(me.result()));
        self = me.endpoint();
        name = me.name();
        privilegeFlags = me.flags();
        initInfo = new Startup(this, trap, callbacks).run(me.initFlags());
        started = true;
        return this;
    }

    /**
     * The service's receive (MINIX's {@code sef_receive}): returns the next message that is not
     * SEF's own. Pings are answered, live-update requests handled, signals dispatched to the
     * callbacks, fault-injection requests given to the hook — all inside. While a live-update
     * preparation runs, SEF checks before each wait whether the service is ready.
     *
     * @param source the endpoint to receive from, or {@link Endpoint#ANY}
     * @param message where the message goes
     * @return OK; {@link Errno#EINTR} after {@link #cancel()}; or the kernel's error
     * @throws IllegalStateException before {@link #startup()}
     */
    public int receive(int source, Message message) {
        if (!started) throw new IllegalStateException("SEF: receive before startup");
        while (true) {
            if (cancelPending) {
                cancelPending = false;
                return Errno.EINTR;
            }
            liveUpdate.checkReady();
            if (cancelPending) continue;
            int r = trap.receive(source, message);
            if (r != Errno.OK) return r;
            int received = trap.ipcStatus();
            if (handled(message, received)) continue;
            status = received;
            return Errno.OK;
        }
    }

    /** The IPC status word of the message the last {@link #receive} returned (see {@link Ipc}). */
    public int ipcStatus() {
        return status;
    }

    /**
     * Makes the current receive (when called from a callback inside it) or the next one return
     * {@link Errno#EINTR} once — e.g. a SIGTERM handler that wants the main loop to stop.
     */
    public void cancel() {
        cancelPending = true;
    }

    /**
     * The service's own endpoint.
     *
     * @throws IllegalStateException before {@link #startup()} learned it
     */
    public int self() {
        if (self == Endpoint.NONE) throw new IllegalStateException("SEF: endpoint unknown before startup");
        return self;
    }

    /** The process's name as the kernel knows it (at most 15 characters); empty before startup. */
    public String name() {
        return name;
    }

    /** The process's privilege flags ({@link minixj.lib.ipc.PrivFlags}), learned at startup. */
    public int privilegeFlags() {
        return privilegeFlags;
    }

    /** What the init callback was told (null before {@link #startup()} finished). */
    public InitInfo initInfo() {
        return initInfo;
    }

    /** The live-update prepare state the service is in ({@link LuState#NULL} when none). */
    public int liveUpdateState() {
        return liveUpdate.state();
    }

    /**
     * How the last live-update preparation ended for this instance, which survived it: RS's
     * error, {@link Errno#EINTR} when RS cancelled it, or the error SEF reported itself (EBUSY,
     * ENOSYS, EINVAL, a callback's error). OK if there was none.
     */
    public int lastLiveUpdateResult() {
        return liveUpdate.lastResult();
    }

    /** Prints {@code text} as one line on the kernel log, prefixed with the service's name. */
    public void log(String text) {
        Sys.diagctlDiag(trap, (name.isEmpty() ? "sef" : name) + ": " + text + "\n");
    }

    /**
     * Ends the service with a {@link Panic} (MINIX's {@code panic}): logs the reason and throws.
     * Declared to return the panic so callers can write {@code throw sef.panic("...")}.
     */
    public Panic panic(String reason) {
        log("panic: " + reason);
        throw new Panic(reason);
    }

    /** SEF's own messages: true when handled (swallowed), false to hand it to the service. */
    private boolean handled(Message m, int received) {
        int source = m.source();
        boolean notify = Ipc.isNotify(received);
        if (source == Endpoint.RS) {
            if (notify) {
                answerPing(source);
                return true;
            }
            if (m.type() == RsInitMsg.RS_INIT) return true; // spurious: init happens once, in startup
            if (m.type() == RsLuPrepareMsg.RS_LU_PREPARE) {
                liveUpdate.request(m);
                return true;
            }
        }
        if (notify) {
            if (source != Endpoint.SYSTEM) return false;
            signals.kernelNotify(m);
            return true;
        }
        // Signals by message only from a boot-image process (a signal manager), as MINIX checks.
        if (m.type() == SigsSignalMsg.SIGS_SIGNAL_RECEIVED && source < Endpoint.INIT) {
            signals.fromManager(new SigsSignalMsg(m).signal());
            return true;
        }
        if (m.type() == FiCtlMsg.COMMON_REQ_FI_CTL) return faultInjection(m);
        return false;
    }

    private void answerPing(int source) {
        PingHandler handler = callbacks.ping;
        if (handler == null || handler.ping(source)) trap.notify(source);
    }

    private boolean faultInjection(Message m) {
        int request = new FiCtlMsg(m).request();
        FaultInjectionHook hook = callbacks.faultInjection;
        int r = hook == null ? Errno.ENOSYS : hook.inject(request, m);
        if (request == FiCtlMsg.FI_CRASH) throw panic("controlled crash (fault injection)");
        return r == Errno.OK;
    }

    /**
     * Collects a service's callbacks. Every method replaces what was registered before for the
     * same event; callbacks run on the service's own thread, inside {@link Sef#startup()} (init)
     * or {@link Sef#receive} (everything else).
     */
    public static final class Builder {
        private final SefCallbacks callbacks = new SefCallbacks();

        private Builder() {
        }

        /** Init for a first start. Default: nothing to do (OK). */
        public Builder onInitFresh(InitCallback callback) {
            callbacks.initFresh = Objects.requireNonNull(callback);
            return this;
        }

        /**
         * Init after a crash or kill; the dead instance is {@link InitInfo#oldEndpoint()}.
         * Default: ERESTART, so RS reincarnates the service with a new endpoint ("reset").
         * Returning OK keeps the endpoint ("restart" policy).
         */
        public Builder onInitRestart(InitCallback callback) {
            callbacks.initRestart = Objects.requireNonNull(callback);
            return this;
        }

        /**
         * Init of the new instance of a live update; the old one is {@link InitInfo#oldEndpoint()}.
         * Default: an identity update runs the restart callback (if registered), anything else
         * answers ENOSYS (no state transfer yet).
         */
        public Builder onInitLiveUpdate(InitCallback callback) {
            callbacks.initLiveUpdate = Objects.requireNonNull(callback);
            return this;
        }

        /** The same init for all three types (the callback can look at {@link InitInfo#type()}). */
        public Builder onInit(InitCallback callback) {
            return onInitFresh(callback).onInitRestart(callback).onInitLiveUpdate(callback);
        }

        /** Heartbeat pings from RS. Default: always answer. */
        public Builder onPing(PingHandler handler) {
            callbacks.ping = Objects.requireNonNull(handler);
            return this;
        }

        /** The service's own signals. Default: ignore them all. */
        public Builder onSignal(SignalHandler handler) {
            callbacks.signalHandler = Objects.requireNonNull(handler);
            return this;
        }

        /** Signals of the processes this service manages (for signal managers). Default: accept (OK). */
        public Builder onSignalManager(SignalManager manager) {
            callbacks.signalManager = Objects.requireNonNull(manager);
            return this;
        }

        /** Live update: is the service in the requested prepare state? Default: ENOTREADY. */
        public Builder onLuPrepare(LuPrepare prepare) {
            callbacks.luPrepare = Objects.requireNonNull(prepare);
            return this;
        }

        /** Live update: which prepare states the service supports. Default: WORK_FREE only. */
        public Builder onLuStateValid(LuStateValidator validator) {
            callbacks.luStateValidator = Objects.requireNonNull(validator);
            return this;
        }

        /** Live update: entering and leaving a preparation. Default: nothing. */
        public Builder onLuStateChanged(LuStateChanged changed) {
            callbacks.luStateChanged = Objects.requireNonNull(changed);
            return this;
        }

        /** Live update: save state just before reporting ready. Default: nothing (OK). */
        public Builder onLuStateSave(LuStateSave save) {
            callbacks.luStateSave = Objects.requireNonNull(save);
            return this;
        }

        /** Live update: describe the state when a preparation ends (debugging). Default: nothing. */
        public Builder onLuStateDump(LuStateDump dump) {
            callbacks.luStateDump = Objects.requireNonNull(dump);
            return this;
        }

        /** Fault-injection requests (COMMON_REQ_FI_CTL). Default: only FI_CRASH, which crashes. */
        public Builder onFaultInjection(FaultInjectionHook hook) {
            callbacks.faultInjection = Objects.requireNonNull(hook);
            return this;
        }

        /** The SEF of the calling process (its {@link Trap#current()}); call {@link Sef#startup()} next. */
        public Sef build() {
            return build(Trap.current());
        }

        /** The SEF of the process that owns {@code trap}. */
        public Sef build(Trap trap) {
            return new Sef(Objects.requireNonNull(trap), callbacks.copy());
        }
    }
}
