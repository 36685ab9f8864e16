package minixj.kernel;

import jdk.jfr.Category;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Flight Recorder event for one kernel call. */
@Name("minixj.KernelCall")
@Label("Kernel call")
@Category({"MinixJ", "Kernel"})
// Off unless a recording asks for it, and without stack traces: an IPC takes half a microsecond,
// a recorded stack trace ten times that.
@Enabled(false)
@StackTrace(false)
final class KernelCallEvent extends Event {
    @Label("Caller endpoint")
    int caller;
    @Label("Call index (SYS_* - 0x600)")
    int call;
    @Label("Result")
    int result;
}
