package minixj.kernel;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** Flight Recorder event for one kernel call. */
@Name("minixj.KernelCall")
@Label("Kernel call")
@Category({"MinixJ", "Kernel"})
final class KernelCallEvent extends Event {
    @Label("Caller endpoint")
    int caller;
    @Label("Call index (SYS_* - 0x600)")
    int call;
    @Label("Result")
    int result;
}
