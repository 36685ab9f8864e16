package minixj.boot;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.loader.ExecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The launcher: boots one MinixJ machine on the host terminal. */
@Command(name = "minixj", mixinStandardHelpOptions = true, version = "MinixJ " + Main.VERSION,
        description = "Boots MinixJ, MINIX 3 reimplemented on the JVM.")
public final class Main implements Callable<Integer> {
    static final String VERSION = "0.1.0";

    @Option(names = "--seed", paramLabel = "N",
            description = "Deterministic mode: virtual time and seeded scheduling; the same seed gives the same run.")
    Long seed;

    @Option(names = "--hz", paramLabel = "N", defaultValue = "60", description = "Clock ticks per second, 2..50000 (default ${DEFAULT-VALUE}).")
    int hz;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "64M",
            description = "Physical memory, e.g. 64M, 512K, 1G (default ${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--trace-hash", description = "At shutdown print the hash of all kernel events as 'trace-hash <hex>'.")
    boolean traceHash;

    @Option(names = "--dump", description = "Print the process and privilege tables at shutdown (MINIX's IS F1/F4 dumps).")
    boolean dump;

    private final PrintStream out;

    Main(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Main(System.out));
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("minixj: " + ex.getMessage());
            System.err.println("Try 'minixj --help'.");
            return 2;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() {
        KernelConfig config;
        try {
            config = KernelConfig.defaults().withHz(hz).withMemory(KernelConfig.parseSize(memory)).withSeed(seed)
                    .withTrace(traceHash);
        } catch (IllegalArgumentException e) {
            System.err.println("minixj: " + e.getMessage());
            return 2;
        }
        return boot(config, traceHash, dump, out);
    }

    /** Boots a machine with the standard image, runs it until the image has started, and stops it; returns the exit code. */
    public static int boot(KernelConfig config, boolean printTraceHash, boolean dump, PrintStream out) {
        try (Machine machine = new Machine(printTraceHash ? config.withTrace(true) : config, out::println)) {
            List<Integer> endpoints = BootImage.standard().load(machine);
            long hash;
            try {
                hash = machine.awaitStarted(endpoints.stream().mapToInt(Integer::intValue).toArray(),
                        Duration.ofSeconds(30));
            } catch (java.util.concurrent.TimeoutException e) {
                out.println(machine.halted() ? "minixj: machine halted: " + machine.haltReason()
                        : "minixj: the boot image did not start within 30 s");
                return 1;
            }
            out.println("minixj: boot image started (" + endpoints.size() + " processes); "
                    + "no shell yet at this stage: stopping");
            if (dump) {
                out.print(machine.processDump());
                out.print(machine.privilegeDump());
            }
            machine.shutdown();
            if (printTraceHash) out.println("trace-hash " + String.format("%016x", hash));
            return 0;
        } catch (ExecException e) {
            out.println("minixj: boot image refused: " + e.getMessage());
            return 1;
        }
    }
}
