package minixj.kernel;

import jdk.jfr.Category;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Flight Recorder event for one IPC trap (SEND, RECEIVE, SENDREC, NOTIFY, SENDNB). */
@Name("minixj.Ipc")
@Label("IPC")
@Category({"MinixJ", "Kernel"})
// Off unless a recording asks for it, and without stack traces: an IPC takes half a microsecond,
// a recorded stack trace ten times that.
@Enabled(false)
@StackTrace(false)
final class IpcEvent extends Event {
    @Label("Caller endpoint")
    int source;
    @Label("Call")
    int call;
    @Label("Peer endpoint")
    int peer;
    @Label("Result")
    int result;
}
