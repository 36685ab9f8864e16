package minixj.lib.sys;

/**
 * The reply of SYS_GETINFO GET_WHOAMI.
 *
 * @param result OK or the error code (the other fields are meaningless then)
 * @param endpoint the caller's endpoint
 * @param name the caller's process name (at most 15 bytes)
 * @param flags the caller's privilege flags ({@link minixj.lib.ipc.PrivFlags})
 * @param initFlags the caller's initialization flags
 */
public record WhoAmI(int result, int endpoint, String name, int flags, int initFlags) {
}
