package minixj.lib.ipc;

import minixj.lib.mem.UserMemory;

/**
 * The only way out of a process: the kernel's trap interface.
 *
 * <p>Every method enters the kernel of the machine the calling process belongs to, and every
 * kernel entry is a scheduling point. The kernel checks privileges on each call (trap mask, IPC
 * target mask, kernel-call mask) and answers with MINIX's error codes ({@link Errno}).
 * A process obtains its trap with {@link #current()}; the trap works only on the thread of the
 * process it belongs to.
 */
public interface Trap {
    /** The trap of the running process. Bound by the kernel for each process thread. */
    ScopedValue<Trap> CURRENT = ScopedValue.newInstance();

    /** The trap of the calling process; throws {@link IllegalStateException} outside a MinixJ process. */
    static Trap current() {
        if (!CURRENT.isBound()) throw new IllegalStateException("not running inside a MinixJ process");
        return CURRENT.get();
    }

    /** Blocking send of a copy of {@code message} to {@code destination}. */
    int send(int destination, Message message);

    /** Non-blocking send: {@link Errno#ENOTREADY} when the destination is not waiting. */
    int sendnb(int destination, Message message);

    /** Blocking receive from {@code source} (or {@link Endpoint#ANY}) into {@code message}. */
    int receive(int source, Message message);

    /** Non-blocking receive: {@link Errno#ENOTREADY} when nothing is there. */
    int receiveNonBlocking(int source, Message message);

    /** Send then receive the reply from the same endpoint, in {@code message}. */
    int sendrec(int sourceDestination, Message message);

    /** Non-blocking, coalescing, payload-free notification. */
    int notify(int destination);

    /** Asynchronous sends: the kernel takes {@code count} entries of {@code table} (0 forgets the table). */
    int senda(AsyncTable table, int count);

    /** The IPC status word of the last plain RECEIVE (see {@link Ipc#statusCall}). */
    int ipcStatus();

    /**
     * A kernel call ({@code SYS_*}): the request is {@code message}, the reply overwrites it, and
     * the result (also in the reply's type) is returned.
     */
    int kernelCall(int callNumber, Message message);

    /** This process's own memory, addressed by virtual address through its page table. */
    UserMemory memory();

    /** The instrumentation's poll: lets the kernel preempt, stop or kill the process here. */
    void poll();

    /** Registers what runs this process's signal handlers (see {@link SignalFrameHandler}). */
    void signalFrameHandler(SignalFrameHandler handler);
}
