package minixj.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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

/**
 * The floor under sendrec: two virtual threads on one carrier ping-pong with park/unpark and a
 * volatile turn flag. One op is a round trip (two handoffs), as a sendrec is. Same structure as
 * {@link SendrecBenchmark}: {@link #ROUND_TRIPS} round trips per invocation.
 *
 * <p>Two parameters (defaults run unless {@code -p} picks others) check whether sendrec pays more
 * than this floor for the shape of its threads rather than for the kernel's code:
 * {@code threads=fresh} starts two threads per invocation, {@code threads=longlived} keeps them
 * for the whole trial, as the echo server and every MinixJ service live; {@code depth=N} parks N
 * extra real (not inlined) frames deep, as a process blocked in the kernel does, since every
 * switch copies the thread's stack out and back in. (Here neither changed the figure; see
 * docs/PERFORMANCE.md.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Djdk.virtualThreadScheduler.parallelism=1",
        "-Djdk.virtualThreadScheduler.maxPoolSize=1", "--sun-misc-unsafe-memory-access=allow"})
public class HandoffBenchmark {
    static final int ROUND_TRIPS = SendrecBenchmark.ROUND_TRIPS;

    @Param({"fresh"})
    public String threads;

    @Param({"0"})
    public int depth;

    /** Whose turn it is: 0 = ping, 1 = pong. */
    private volatile int turn;
    private final Thread[] peers = new Thread[2];
    // longlived only: the host bumps the epoch to start a batch, ping signals the host when done.
    private volatile int epoch;
    private volatile boolean done;
    private volatile boolean stop;
    private Thread host;

    @Setup(Level.Trial)
    public void setUp() {
        if (!threads.equals("fresh") && !threads.equals("longlived")) {
            throw new IllegalArgumentException("threads must be fresh or longlived: " + threads);
        }
        if (depth < 0) throw new IllegalArgumentException("depth must be >= 0: " + depth);
        if (threads.equals("fresh")) return;
        turn = 0;
        peers[0] = Thread.ofVirtual().name("ping").unstarted(() -> serve(0));
        peers[1] = Thread.ofVirtual().name("pong").unstarted(() -> serve(1));
        peers[0].start();
        peers[1].start();
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void handoff() throws InterruptedException {
        if (threads.equals("longlived")) {
            host = Thread.currentThread();
            done = false;
            epoch++;
            LockSupport.unpark(peers[0]);
            LockSupport.unpark(peers[1]);
            while (!done) LockSupport.park(this);
            return;
        }
        turn = 0;
        peers[0] = Thread.ofVirtual().name("ping").unstarted(() -> nest(depth, 0));
        peers[1] = Thread.ofVirtual().name("pong").unstarted(() -> nest(depth, 1));
        peers[0].start();
        peers[1].start();
        peers[0].join();
        peers[1].join();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE) // real frames, as a blocked process has
    private void nest(int frames, int me) {
        if (frames > 0) nest(frames - 1, me);
        else play(me);
    }

    private void play(int me) {
        Thread other = peers[1 - me];
        for (int i = 0; i < ROUND_TRIPS; i++) {
            while (turn != me) LockSupport.park(this); // spurious wakeups just re-check
            turn = 1 - me;
            LockSupport.unpark(other);
        }
    }

    private void serve(int me) {
        int seen = 0;
        while (true) {
            while (epoch == seen && !stop) LockSupport.park(this);
            if (stop) return;
            seen = epoch;
            nest(depth, me);
            if (me == 0) {
                // ping's last unpark has been consumed once pong has taken its last turn
                while (turn != 0) LockSupport.park(this);
                done = true;
                LockSupport.unpark(host);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        if (!threads.equals("longlived")) return;
        stop = true;
        for (Thread t : peers) {
            LockSupport.unpark(t);
            t.join();
        }
    }
}
