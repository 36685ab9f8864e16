package minixj.kernel;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** Flight Recorder event for one IPC trap (SEND, RECEIVE, SENDREC, NOTIFY, SENDNB). */
@Name("minixj.Ipc")
@Label("IPC")
@Category({"MinixJ", "Kernel"})
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
