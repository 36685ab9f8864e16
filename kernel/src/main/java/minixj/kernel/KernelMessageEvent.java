package minixj.kernel;

import jdk.jfr.Category;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Flight Recorder event for a message the kernel forges on a process's behalf (spec §1.11): a
 * page fault sent to VM (VM_PAGEFAULT), an out-of-quantum message to a scheduler. This is how a
 * page fault shows in a kernel trace as the VM message it is.
 */
@Name("minixj.KernelMessage")
@Label("Kernel-forged message")
@Category({"MinixJ", "Kernel"})
@Enabled(false)
@StackTrace(false)
final class KernelMessageEvent extends Event {
    @Label("On behalf of endpoint")
    int source;
    @Label("Destination endpoint")
    int destination;
    @Label("Message type")
    int type;
    @Label("Result")
    int result;
}
