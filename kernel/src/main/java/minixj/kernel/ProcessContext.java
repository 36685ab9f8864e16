package minixj.kernel;

import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.mem.UserMemory;

/**
 * A running program: its thread, its trap into the kernel, and the flags the kernel uses to stop
 * it. It lives in one process-table slot ({@link #proc}), which a live update may change.
 */
final class ProcessContext implements Trap {
    /** Polls between two visits to the kernel's slow path (virtual time, preemption). */
    static final int POLL_CHUNK = 1024;

    final Kernel kernel;
    final String programName;
    Proc proc;
    Thread thread;
    /** Set (by the kernel, or a host request) when the program must die; checked at every entry and poll. */
    volatile boolean killed;
    /** The program finished; its thread has ended or is ending. */
    volatile boolean finished;
    int pollBudget = POLL_CHUNK;
    /** Total polls (approximate between slow paths), read by the watchdog. */
    long polls;
    final ProgramBody body;
    /** The JAR image this program was loaded from, or null for a Java body (kept for fork). */
    minixj.kernel.loader.JarImage image;
    /** Runs the program's signal handlers (registered by its C library), or null. */
    minixj.lib.ipc.SignalFrameHandler frameHandler;
    final String[] args;

    ProcessContext(Kernel kernel, String programName, ProgramBody body, String[] args) {
        this.kernel = kernel;
        this.programName = programName;
        this.body = body;
        this.args = args;
    }

    @Override
    public int send(int destination, Message message) {
        return kernel.syncIpc(this, minixj.lib.ipc.Ipc.SEND, destination, message, false);
    }

    @Override
    public int sendnb(int destination, Message message) {
        return kernel.syncIpc(this, minixj.lib.ipc.Ipc.SENDNB, destination, message, false);
    }

    @Override
    public int receive(int source, Message message) {
        return kernel.syncIpc(this, minixj.lib.ipc.Ipc.RECEIVE, source, message, false);
    }

    @Override
    public int receiveNonBlocking(int source, Message message) {
        return kernel.syncIpc(this, minixj.lib.ipc.Ipc.RECEIVE, source, message, true);
    }

    @Override
    public int sendrec(int sourceDestination, Message message) {
        return kernel.syncIpc(this, minixj.lib.ipc.Ipc.SENDREC, sourceDestination, message, false);
    }

    @Override
    public int notify(int destination) {
        return kernel.syncIpc(this, minixj.lib.ipc.Ipc.NOTIFY, destination, null, false);
    }

    @Override
    public int senda(AsyncTable table, int count) {
        return kernel.senda(this, table, count);
    }

    @Override
    public int ipcStatus() {
        return kernel.ipcStatus(this);
    }

    @Override
    public int kernelCall(int callNumber, Message message) {
        return kernel.kernelCall(this, callNumber, message);
    }

    @Override
    public UserMemory memory() {
        return kernel.memoryOf(this);
    }

    @Override
    public void poll() {
        if (--pollBudget < 0 || kernel.attention) {
            kernel.slowPoll(this);
        }
    }

    @Override
    public void signalFrameHandler(minixj.lib.ipc.SignalFrameHandler handler) {
        this.frameHandler = handler;
    }

    @Override
    public String toString() {
        return "process '" + programName + "'";
    }
}
