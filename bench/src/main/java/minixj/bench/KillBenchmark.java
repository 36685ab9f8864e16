package minixj.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.kernel.loader.JarImage;

/**
 * How long the host waits from {@code Machine.kill} until a runaway program (spinning without
 * kernel calls, catching Throwable) has been killed and its slot freed. The design asks for
 * 10 ms; the kill lands at the program's next poll.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 40)
@Fork(value = 1, jvmArgsAppend = {"-Djdk.virtualThreadScheduler.parallelism=1",
        "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
@State(Scope.Thread)
public class KillBenchmark {
    private final JarImage spinner = JarImage.fromClasspath(KillBenchmark.class.getClassLoader(),
            "minixj.bench.programs.spinner", "minixj.bench.programs.spinner.Spinner");
    private Machine machine;
    private int victim;

    @Setup(Level.Iteration)
    public void boot() throws Exception {
        machine = new Machine(KernelConfig.defaults().withWatchdog(0, false), line -> { });
        victim = machine.spawn(ProcessSpec.user(spinner));
        machine.start();
        Thread.sleep(20); // let it spin (and get compiled) before it is killed
    }

    @Benchmark
    public int kill() throws Exception {
        machine.kill(victim);
        return machine.awaitExit(victim, Duration.ofSeconds(10));
    }

    @TearDown(Level.Iteration)
    public void shutdown() {
        machine.shutdown();
    }
}
