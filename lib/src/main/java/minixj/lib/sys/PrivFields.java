package minixj.lib.sys;

/**
 * The privilege fields SYS_PRIVCTL SET_SYS and UPDATE_SYS install (MINIX passes a
 * {@code struct priv}).
 *
 * @param privId the static privilege id of the target's boot slot, or -1 for a dynamic one
 * @param flags privilege flags ({@link minixj.lib.ipc.PrivFlags}); SYS_PROC is always added
 * @param initFlags initialization flags
 * @param trapMask allowed IPC traps ({@link minixj.lib.ipc.Ipc#TRAP_ALL} and friends)
 * @param ipcTo IPC target mask over privilege ids
 * @param kernelCallMask allowed kernel calls ({@link minixj.lib.ipc.SysCalls#maskBit})
 * @param sigManager the signal manager's endpoint (SELF, NONE or a process)
 * @param backupSigManager the backup signal manager's endpoint, or NONE
 */
public record PrivFields(int privId, int flags, int initFlags, int trapMask, long ipcTo, long kernelCallMask,
                         int sigManager, int backupSigManager) {
}
