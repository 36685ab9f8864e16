package minixj.lib.sys;

import minixj.lib.ipc.SigSet;

/**
 * The reply of SYS_GETKSIG: the next process the caller manages that has pending kernel signals.
 *
 * @param result OK or the error code
 * @param endpoint the signaled process, or {@link minixj.lib.ipc.Endpoint#NONE} when there is none
 * @param signals its pending signals (empty with NONE)
 */
public record PendingSignals(int result, int endpoint, SigSet signals) {
}
