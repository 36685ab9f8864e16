package minixj.lib.sef;

/**
 * The callbacks a service registered through {@link Sef.Builder}; null means SEF's default, so
 * SEF can tell a service that kept a default apart from one that chose it (MINIX answers ENOSYS
 * rather than EINVAL to an unsupported prepare state when the validator is the default).
 */
final class SefCallbacks {
    InitCallback initFresh;
    InitCallback initRestart;
    InitCallback initLiveUpdate;
    PingHandler ping;
    SignalHandler signalHandler;
    SignalManager signalManager;
    LuPrepare luPrepare;
    LuStateValidator luStateValidator;
    LuStateChanged luStateChanged;
    LuStateSave luStateSave;
    LuStateDump luStateDump;
    FaultInjectionHook faultInjection;

    SefCallbacks copy() {
        SefCallbacks c = new SefCallbacks();
        c.initFresh = initFresh;
        c.initRestart = initRestart;
        c.initLiveUpdate = initLiveUpdate;
        c.ping = ping;
        c.signalHandler = signalHandler;
        c.signalManager = signalManager;
        c.luPrepare = luPrepare;
        c.luStateValidator = luStateValidator;
        c.luStateChanged = luStateChanged;
        c.luStateSave = luStateSave;
        c.luStateDump = luStateDump;
        c.faultInjection = faultInjection;
        return c;
    }
}
