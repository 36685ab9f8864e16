package minixj.lib.sef;

import minixj.lib.ipc.Message;

/**
 * Receives fault-injection control requests (COMMON_REQ_FI_CTL). For FI_CRASH the hook is told
 * first and SEF then crashes the service on purpose whatever it answers (a "controlled crash").
 * For any other request the answer decides: {@code Errno.OK} means handled (SEF swallows the
 * message); anything else lets the message through to the service's receive, as in MINIX when
 * no fault-injection runtime is linked.
 */
@FunctionalInterface
public interface FaultInjectionHook {
    /** Handles fault-injection {@code request} (the whole message is {@code message}); OK if handled. */
    int inject(int request, Message message);
}
