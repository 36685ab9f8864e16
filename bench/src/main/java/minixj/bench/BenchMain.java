package minixj.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.util.Statistics;

/**
 * What bin/bench runs: the JMH benchmarks of this module (any JMH arguments are passed through),
 * then the native pipe ping-pong, then one table with the medians and the IPC target check.
 *
 * <p>Own options, before the JMH ones: {@code --pipe=PATH} (the compiled pipe_pingpong helper),
 * {@code --pipe-runs=N} (default 7).
 */
public final class BenchMain {
    /** Design target for sendrec (docs/PERFORMANCE.md): absolute, and relative to a bare handoff. */
    static final double TARGET_NS = 1500;
    static final double TARGET_RATIO = 1.3;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path pipe = null;
        int pipeRuns = 7;
        List<String> jmhArgs = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--pipe=")) pipe = Path.of(a.substring("--pipe=".length()));
            else if (a.startsWith("--pipe-runs=")) pipeRuns = Integer.parseInt(a.substring("--pipe-runs=".length()));
            else jmhArgs.add(a);
        }
        CommandLineOptions options = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        if (options.shouldHelp() || options.shouldList() || options.shouldListProfilers()
                || options.shouldListResultFormats() || options.shouldListWithParams()) {
            org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
            return;
        }
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(options).run();

        Figure sendrecReal = null;
        Figure sendrecVirtual = null;
        Figure handoff = null;
        List<String> variants = new ArrayList<>();
        for (RunResult r : results) {
            BenchmarkParams params = r.getParams();
            String name = params.getBenchmark();
            Figure f = Figure.of(r.getPrimaryResult().getStatistics());
            if (name.endsWith(".sendrec") && "realtime".equals(params.getParam("time"))) {
                sendrecReal = f;
            } else if (name.endsWith(".sendrec") && "virtual".equals(params.getParam("time"))) {
                sendrecVirtual = f;
            } else if (name.endsWith(".handoff") && "fresh".equals(params.getParam("threads"))
                    && "0".equals(params.getParam("depth"))) {
                handoff = f;
            } else {
                // A variant asked for with -p: shown below the main figures, never used in the check.
                StringBuilder label = new StringBuilder(name.substring(name.lastIndexOf('.') + 1));
                for (String key : params.getParamsKeys()) label.append(' ').append(key).append('=').append(params.getParam(key));
                variants.add(format(label.toString(), f));
            }
        }
        Figure pipeFree = pipe == null ? null : runPipe(pipe, pipeRuns, false);
        Figure pipePinned = pipe == null ? null : runPipe(pipe, pipeRuns, true);
        String loadAfter = loadAverage();

        System.out.println();
        System.out.println("MinixJ IPC round trip (ns; JMH: median [p10-p90] of sampled invocations, "
                + "pipe: median [min-max] of " + pipeRuns + " runs)");
        row("sendrec RTT, real-time kernel", sendrecReal);
        row("sendrec RTT, virtual-time kernel", sendrecVirtual);
        row("bare VT park/unpark handoff RTT", handoff);
        row("native pipe RTT (2 processes, C)", pipeFree);
        row("native pipe RTT, both on CPU 0", pipePinned);
        variants.forEach(System.out::println);
        ratio("ratio sendrec(real-time)/handoff", sendrecReal, handoff);
        ratio("ratio sendrec(virtual)/handoff", sendrecVirtual, handoff);
        System.out.println();
        check("real-time", sendrecReal, handoff);
        check("virtual-time", sendrecVirtual, handoff);
        // Other work on a 2-CPU machine moves these figures a lot; say how busy it was.
        System.out.println("load average (1/5/15 min) before: " + loadBefore + ", after: " + loadAfter + " ("
                + Runtime.getRuntime().availableProcessors() + " CPUs)");
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void row(String label, Figure f) {
        System.out.println(format(label, f));
    }

    private static String format(String label, Figure f) {
        if (f == null) return String.format(Locale.ROOT, "  %-36s %10s", label, "n/a");
        return String.format(Locale.ROOT, "  %-36s %10.0f   [%.0f-%.0f]", label, f.median, f.low, f.high);
    }

    private static void ratio(String label, Figure a, Figure b) {
        if (a == null || b == null) return;
        System.out.printf(Locale.ROOT, "  %-36s %10.2f x%n", label, a.median / b.median);
    }

    private static void check(String mode, Figure sendrec, Figure handoff) {
        if (sendrec == null || handoff == null) {
            System.out.println("target (" + mode + "): not checked (benchmark not run)");
            return;
        }
        boolean abs = sendrec.median <= TARGET_NS;
        boolean rel = sendrec.median <= TARGET_RATIO * handoff.median;
        System.out.printf(Locale.ROOT, "target (%s sendrec <= %.1f us and <= %.1fx handoff): %s "
                        + "(%.2f us %s; %.2fx %s)%n", mode, TARGET_NS / 1000, TARGET_RATIO,
                abs && rel ? "MET" : "MISSED", sendrec.median / 1000, abs ? "ok" : "too slow",
                sendrec.median / handoff.median, rel ? "ok" : "too far above the handoff");
    }

    /** Runs the pipe helper {@code runs} times (pinned: under taskset -c 0) and takes the median. */
    private static Figure runPipe(Path helper, int runs, boolean pinned) throws IOException, InterruptedException {
        double[] ns = new double[runs];
        for (int i = 0; i < runs; i++) {
            List<String> cmd = new ArrayList<>();
            if (pinned) cmd.addAll(List.of("taskset", "-c", "0"));
            cmd.add(helper.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                System.err.println("bench: " + String.join(" ", cmd) + " failed: " + out);
                return null;
            }
            ns[i] = Double.parseDouble(out);
        }
        Arrays.sort(ns);
        return new Figure(ns[runs / 2], ns[0], ns[runs - 1]);
    }

    /** A median with a spread (p10-p90 for JMH, min-max for the pipe). */
    record Figure(double median, double low, double high) {
        static Figure of(Statistics s) {
            return new Figure(s.getPercentile(50), s.getPercentile(10), s.getPercentile(90));
        }
    }
}

