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
 * launcher's own classes (MINIX's boot modules). At this step it holds the hello service and
 * init; the system servers join it as they are written.
 */
public final class BootImage {
    /** One boot module. */
    public record Module(String label, JarImage program, boolean system, int slot) {
    }

    private final List<Module> modules;

    private BootImage(List<Module> modules) {
        this.modules = List.copyOf(modules);
    }

    /** The standard image, packed from the classpath. */
    public static BootImage standard() throws ExecException {
        ClassLoader cl = BootImage.class.getClassLoader();
        List<Module> modules = new ArrayList<>();
        modules.add(new Module("hello", JarImage.fromClasspath(cl, "minixj.drivers.hello", "minixj.drivers.hello.Hello"),
                true, Machine.FIRST_FREE_SLOT));
        modules.add(new Module("init", JarImage.fromClasspath(cl, "minixj.commands.init", "minixj.commands.init.Init"),
                false, Endpoint.INIT));
        return new BootImage(modules);
    }

    public List<Module> modules() {
        return modules;
    }

    /**
     * Loads every module into {@code machine} (before it starts), in image order. Init gets the
     * endpoints of the services before it on its command line, so it can greet them.
     */
    public List<Integer> load(Machine machine) throws ExecException {
        List<Integer> endpoints = new ArrayList<>();
        for (Module m : modules) {
            ProcessSpec spec = m.system() ? ProcessSpec.system(m.program()) : ProcessSpec.user(m.program());
            spec = spec.inSlot(m.slot());
            if (!m.system()) {
                String[] args = new String[endpoints.size() + 1];
                args[0] = m.label();
                for (int i = 0; i < endpoints.size(); i++) args[i + 1] = String.valueOf(endpoints.get(i));
                spec = spec.withArgs(args);
            } else {
                spec = spec.withArgs(m.label());
            }
            endpoints.add(machine.spawn(spec));
        }
        return endpoints;
    }
}
