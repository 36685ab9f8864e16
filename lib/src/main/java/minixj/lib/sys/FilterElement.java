package minixj.lib.sys;

/**
 * One element of an IPC filter (SYS_STATECTL ADD_IPC_BL_FILTER / ADD_IPC_WL_FILTER).
 *
 * @param flags MATCH_M_SOURCE and/or MATCH_M_TYPE of {@link minixj.lib.ipc.layout.SysStatectlMsg}
 * @param source the source to match (an endpoint, or ANY_USR / ANY_SYS / ANY_TSK)
 * @param type the message type to match
 */
public record FilterElement(int flags, int source, int type) {
}
