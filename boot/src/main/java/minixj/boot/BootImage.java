package minixj.boot;

import java.util.ArrayList;
import java.util.List;

import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.kernel.loader.ExecException;
import minixj.kernel.loader.JarImage;
import minixj.lib.ipc.Endpoint;

/**
 * The boot image: the programs the kernel starts by itself, each packed as a JAR from the
 * launcher's own classes (MINIX's boot modules). At this step it holds the scheduler SCHED, the
 * hello service and init; the other system servers join it as they are written.
 */
public final class BootImage {
    /** One boot module; init greets the ones marked {@code greet} (the hello service). */
    public record Module(String label, JarImage program, boolean system, int slot, boolean greet) {
    }

    private final List<Module> modules;

    private BootImage(List<Module> modules) {
        this.modules = List.copyOf(modules);
    }

    /** The standard image, packed from the classpath. */
    public static BootImage standard() throws ExecException {
        ClassLoader cl = BootImage.class.getClassLoader();
        List<Module> modules = new ArrayList<>();
        modules.add(new Module("sched", JarImage.fromClasspath(cl, "minixj.servers.sched", "minixj.servers.sched.Sched"),
                true, Endpoint.SCHED, false));
        modules.add(new Module("hello", JarImage.fromClasspath(cl, "minixj.drivers.hello", "minixj.drivers.hello.Hello"),
                true, Machine.FIRST_FREE_SLOT, true));
        modules.add(new Module("init", JarImage.fromClasspath(cl, "minixj.commands.init", "minixj.commands.init.Init"),
                false, Endpoint.INIT, false));
        return new BootImage(modules);
    }

    public List<Module> modules() {
        return modules;
    }

    /**
     * Loads every module into {@code machine} (before it starts), in image order. Init gets the
     * endpoints of the hello services before it on its command line, so it can greet them.
     */
    public List<Integer> load(Machine machine) throws ExecException {
        List<Integer> endpoints = new ArrayList<>();
        List<String> greeted = new ArrayList<>();
        for (Module m : modules) {
            ProcessSpec spec = m.system() ? ProcessSpec.system(m.program()) : ProcessSpec.user(m.program());
            spec = spec.inSlot(m.slot());
            if (!m.system()) {
                List<String> args = new ArrayList<>();
                args.add(m.label());
                args.addAll(greeted);
                spec = spec.withArgs(args.toArray(String[]::new));
            } else {
                spec = spec.withArgs(m.label());
            }
            int endpoint = machine.spawn(spec);
            endpoints.add(endpoint);
            if (m.greet()) greeted.add(String.valueOf(endpoint));
        }
        return endpoints;
    }
}
