package minixj.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/**
 * Round trip of one {@code sendrec} between a user client and an echo system server.
 *
 * <p>The JMH thread is a host thread, not a process, so it cannot trap. Each invocation spawns a
 * client process that does {@link #ROUND_TRIPS} sendrecs and exits; the host waits for the exit.
 * The spawn and exit (about 0.1 ms) are spread over the round trips, so they add about 0.4%.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Djdk.virtualThreadScheduler.parallelism=1",
        "-Djdk.virtualThreadScheduler.maxPoolSize=1", "--sun-misc-unsafe-memory-access=allow"})
public class SendrecBenchmark {
    static final int ROUND_TRIPS = 50_000;
    static final int REQUEST = 0x1234;
    static final int REPLY = 0x4321;

    /** realtime: KernelConfig.defaults() (host clock ticking); virtual: virtual time, MINIX FIFO order. */
    @Param({"realtime", "virtual"})
    public String time;

    private Machine machine;
    private int server;

    @Setup(Level.Trial)
    public void boot() throws Exception {
        KernelConfig config = KernelConfig.defaults().withWatchdog(0, false);
        if (time.equals("virtual")) config = config.withVirtualTime(true);
        else if (!time.equals("realtime")) throw new IllegalArgumentException("time must be realtime or virtual: " + time);
        machine = new Machine(config, line -> { });
        server = machine.spawn(ProcessSpec.system("echo", args -> echoServer()));
        machine.start();
    }

    /** Replies to every request with sendnb, as MINIX servers reply to clients blocked in sendrec. */
    private static void echoServer() {
        Trap trap = Trap.current();
        Message m = new Message();
        while (true) {
            int r = trap.receive(Endpoint.ANY, m);
            if (r != Errno.OK) throw new IllegalStateException("echo: receive failed: " + r);
            m.type(REPLY);
            r = trap.sendnb(m.source(), m);
            if (r != Errno.OK) throw new IllegalStateException("echo: reply failed: " + r);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public int sendrec() throws Exception {
        int target = server;
        int client = machine.spawn(ProcessSpec.user("client", args -> {
            Trap trap = Trap.current();
            Message m = new Message();
            for (int i = 0; i < ROUND_TRIPS; i++) {
                m.type(REQUEST);
                int r = trap.sendrec(target, m);
                // A wrong reply must fail the run, not be timed as a fast one.
                if (r != Errno.OK || m.type() != REPLY) throw new IllegalStateException("sendrec: " + r + " type " + m.type());
            }
        }));
        int status;
        try {
            status = machine.awaitExit(client, Duration.ofSeconds(60));
        } catch (TimeoutException e) {
            throw new IllegalStateException("client hung; kernel log: " + machine.log(), e);
        }
        if (status != 0) throw new IllegalStateException("client exited with " + status + "; kernel log: " + machine.log());
        return status;
    }

    @TearDown(Level.Trial)
    public void shutdown() {
        machine.close();
    }
}
