package minixj.kernel.loader;

import java.util.concurrent.atomic.AtomicLong;
import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.mem.UserMemory;

/**
 * A test Trap: counts polls and, once {@link #kill()} was called, makes every poll throw
 * {@link Killed}, as the kernel's kill does. Everything else is unsupported.
 */
final class CountingTrap implements Trap {
    /** The test's stand-in for the kernel's ProcessKilled. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed by test", null, false, false);
        }
    }

    private final AtomicLong polls = new AtomicLong();
    private volatile boolean killed;

    long polls() {
        return polls.get();
    }

    void reset() {
        polls.set(0);
    }

    void kill() {
        killed = true;
    }

    @Override
    public void poll() {
        polls.incrementAndGet();
        if (killed) throw new Killed();
    }

    @Override
    public int send(int destination, Message message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int sendnb(int destination, Message message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int receive(int source, Message message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int receiveNonBlocking(int source, Message message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int sendrec(int sourceDestination, Message message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int notify(int destination) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int senda(AsyncTable table, int count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int ipcStatus() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int kernelCall(int callNumber, Message message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserMemory memory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void signalFrameHandler(minixj.lib.ipc.SignalFrameHandler handler) {
        throw new UnsupportedOperationException();
    }
}
