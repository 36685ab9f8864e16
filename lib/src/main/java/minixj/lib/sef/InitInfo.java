package minixj.lib.sef;

import minixj.lib.ipc.Endpoint;

/**
 * What an init callback learns about its start (MINIX's {@code sef_init_info_t}).
 *
 * @param type why the service initialises
 * @param flags the init flags ({@link InitFlags}, plus {@link LuFlags} for a live update)
 * @param self the service's own endpoint
 * @param oldEndpoint the previous instance: NONE for a fresh start, the dead instance for a
 *     restart, the state source (the old instance) for a live update
 * @param restarts how many times the service has been restarted, counting this start
 * @param publicTableGrant RS's grant over its public service table, or -1 without RS
 * @param stateGrant a grant of the old instance over its saved state, or -1
 * @param prepareState live update: the prepare state the old instance reached ({@link LuState})
 * @param bufferAddress a buffer RS preallocated for the init, or 0
 * @param bufferLength the length of that buffer
 */
public record InitInfo(InitType type, int flags, int self, int oldEndpoint, int restarts, int publicTableGrant,
                       int stateGrant, int prepareState, long bufferAddress, long bufferLength) {
    /** A fresh start with no RS: nothing but the flags the kernel holds for the process. */
    static InitInfo freshWithoutRs(InitType type, int self, int flags) {
        return new InitInfo(type, flags, self, Endpoint.NONE, 0, -1, -1, LuState.NULL, 0, 0);
    }

    /** True if {@code flag} (of {@link InitFlags} or {@link LuFlags}) is set. */
    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** True for a live update to the same program (see {@link LuFlags#isIdentityUpdate}). */
    public boolean isIdentityUpdate() {
        return type == InitType.LIVE_UPDATE && LuFlags.isIdentityUpdate(flags);
    }
}
