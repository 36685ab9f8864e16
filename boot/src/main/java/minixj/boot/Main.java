package minixj.boot;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.commands.init.Init;
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

    @Option(names = "--run", paramLabel = "COMMAND",
            description = "A command for init to run once the system is up (a path and its arguments, "
                    + "e.g. '/usr/tests/minix-posix/test1'); repeatable. The machine stops when they have all ended.")
    List<String> run = new java.util.ArrayList<>();

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
        return boot(config, traceHash, dump, run, out);
    }

    /** Boots with the standard image and no commands; see {@link #boot(KernelConfig, boolean, boolean, List, PrintStream)}. */
    public static int boot(KernelConfig config, boolean printTraceHash, boolean dump, PrintStream out) {
        return boot(config, printTraceHash, dump, List.of(), out);
    }

    /**
     * Boots a machine with the standard image, runs it until the image has started and init has
     * run {@code commands}, and stops it; returns the exit code (1 when a command did not end
     * with status 0).
     */
    public static int boot(KernelConfig config, boolean printTraceHash, boolean dump, List<String> commands,
                           PrintStream out) {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.Consumer<String> console = line -> {
            out.println(line);
            if (line.startsWith("init: ") && !line.endsWith(": exit status 0") && !line.equals(Init.DONE)) failed.set(true);
            if (line.equals(Init.DONE)) done.countDown();
        };
        try (Machine machine = new Machine(printTraceHash ? config.withTrace(true) : config, console)) {
            List<Integer> endpoints = BootImage.standard().load(machine, commands);
            long hash;
            try {
                hash = machine.awaitStarted(endpoints.stream().mapToInt(Integer::intValue).toArray(),
                        Duration.ofSeconds(30));
                if (!commands.isEmpty()) {
                    if (!done.await(10, java.util.concurrent.TimeUnit.MINUTES)) throw new java.util.concurrent.TimeoutException();
                    hash = machine.awaitStarted(endpoints.stream().mapToInt(Integer::intValue).toArray(),
                            Duration.ofSeconds(30));
                }
            } catch (java.util.concurrent.TimeoutException e) {
                out.println(machine.halted() ? "minixj: machine halted: " + machine.haltReason()
                        : "minixj: the boot image did not start within 30 s");
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
            return failed.get() ? 1 : 0;
        } catch (ExecException e) {
            out.println("minixj: boot image refused: " + e.getMessage());
            return 1;
        }
    }
}
