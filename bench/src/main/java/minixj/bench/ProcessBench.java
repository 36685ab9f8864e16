package minixj.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.kernel.loader.JarImage;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/**
 * End-to-end process benchmarks: getpid round trip through PM, fork+exit+wait, and posix_spawn
 * of /bin/true to its exit, each in a machine with SCHED, VFS, VM and PM (real time, default
 * settings). A program in INIT's slot runs batches of the operation; a host timer process
 * stamps the end of each batch. Prints the median, 10th and 90th percentile per operation.
 * Usage: {@code ProcessBench [batches]}.
 */
public final class ProcessBench {
    private ProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        System.out.println("MinixJ process operations (us per operation: median [p10-p90] of " + batches
                + " batches, after " + batches / 4 + " warm-up batches)");
        run("getpid round trip through PM", "getpid", 20_000, batches);
        run("fork + exit + wait", "fork", 200, batches);
        run("posix_spawn /bin/true + wait", "spawn", 200, batches);
    }

    private static void run(String label, String op, int batch, int batches) throws Exception {
        int warmup = batches / 4;
        List<Long> stamps = new ArrayList<>();
        KernelConfig config = KernelConfig.defaults().withWatchdog(0, false);
        try (Machine m = new Machine(config, line -> { })) {
            minixj.boot.BootImage.standard().loadServers(m);
            ClassLoader cl = ProcessBench.class.getClassLoader();
            int timer = m.spawn(ProcessSpec.system("timer", a -> {
                Trap t = Trap.current();
                Message msg = new Message();
                while (true) {
                    if (t.receive(Endpoint.ANY, msg) != Errno.OK || Ipc.isNotify(t.ipcStatus())) continue;
                    synchronized (stamps) {
                        stamps.add(System.nanoTime());
                    }
                    t.sendnb(msg.source(), msg.clear());
                }
            }));
            int bench = m.spawn(ProcessSpec.user(JarImage.fromClasspath(cl, "minixj.bench.programs.pmbench",
                            "minixj.bench.programs.pmbench.PmBench")).inSlot(Endpoint.INIT)
                    .withArgs("pmbench", String.valueOf(timer), op, String.valueOf(batch), String.valueOf(warmup + batches)));
            m.holdForScheduler(bench);
            m.start();
            m.awaitExit(bench, Duration.ofMinutes(5));
        }
        long[] perOp;
        synchronized (stamps) {
            if (stamps.size() < warmup + batches + 1) throw new IllegalStateException(op + ": only " + stamps.size() + " marks");
            perOp = new long[batches];
            for (int i = 0; i < batches; i++) {
                perOp[i] = (stamps.get(warmup + i + 1) - stamps.get(warmup + i)) / batch;
            }
        }
        Arrays.sort(perOp);
        System.out.printf("%-34s %9.2f  [%.2f-%.2f]%n", label, perOp[batches / 2] / 1000.0,
                perOp[batches / 10] / 1000.0, perOp[batches * 9 / 10] / 1000.0);
    }
}
