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
 * launcher's own classes (MINIX's boot modules), in MINIX's image order as far as the servers
 * exist: PM, SCHED, VFS, VM, the hello service, and init. The boot files (the programs exec
 * finds) go with them. RS, DS and the drivers join as later steps write them.
 */
public final class BootImage {
    /** One boot module; init greets the ones marked {@code greet} (the hello service). */
    public record Module(String label, JarImage program, boolean system, int slot, boolean greet, int sigManager) {
    }

    private final List<Module> modules;

    private BootImage(List<Module> modules) {
        this.modules = List.copyOf(modules);
    }

    /** The standard image, packed from the classpath. */
    public static BootImage standard() throws ExecException {
        ClassLoader cl = BootImage.class.getClassLoader();
        List<Module> modules = new ArrayList<>();
        modules.add(new Module("pm", JarImage.fromClasspath(cl, "minixj.servers.pm", "minixj.servers.pm.Pm"),
                true, Endpoint.PM, false, Endpoint.NONE));
        modules.add(new Module("sched", JarImage.fromClasspath(cl, "minixj.servers.sched", "minixj.servers.sched.Sched"),
                true, Endpoint.SCHED, false, Endpoint.NONE));
        modules.add(new Module("vfs", JarImage.fromClasspath(cl, "minixj.servers.vfs", "minixj.servers.vfs.Vfs"),
                true, Endpoint.VFS, false, Endpoint.NONE));
        // VM is its own signal manager, as in MINIX's boot table.
        modules.add(new Module("vm", JarImage.fromClasspath(cl, "minixj.servers.vm", "minixj.servers.vm.Vm"),
                true, Endpoint.VM, false, Endpoint.SELF));
        modules.add(new Module("hello", JarImage.fromClasspath(cl, "minixj.drivers.hello", "minixj.drivers.hello.Hello"),
                true, Machine.FIRST_FREE_SLOT, true, Endpoint.NONE));
        modules.add(new Module("init", JarImage.fromClasspath(cl, "minixj.commands.init", "minixj.commands.init.Init"),
                false, Endpoint.INIT, false, Endpoint.NONE));
        return new BootImage(modules);
    }

    public List<Module> modules() {
        return modules;
    }

    /**
     * Loads the boot files and the system servers of the image (PM, SCHED, VFS, VM) — not the
     * hello service or init — into {@code machine} before it starts: the machine tests and
     * benchmarks use, with their own program in INIT's slot (held for PM with
     * {@link Machine#holdForScheduler}).
     */
    public void loadServers(Machine machine) throws ExecException {
        machine.loadBootFiles(BootFilesImage.standard());
        for (Module m : modules) {
            if (!m.system() || m.greet()) continue;
            ProcessSpec spec = ProcessSpec.system(m.program()).inSlot(m.slot()).withArgs(m.label());
            if (m.sigManager() != Endpoint.NONE) spec = spec.withSigManagers(m.sigManager(), Endpoint.NONE);
            machine.spawn(spec);
        }
    }

    /**
     * Loads every module into {@code machine} (before it starts), in image order, and the boot
     * files. Init gets the endpoints of the hello services before it on its command line, so it
     * can greet them, then {@code --} and the {@code commands} to run.
     */
    public List<Integer> load(Machine machine, List<String> commands) throws ExecException {
        machine.loadBootFiles(BootFilesImage.standard());
        List<Integer> endpoints = new ArrayList<>();
        List<String> greeted = new ArrayList<>();
        for (Module m : modules) {
            ProcessSpec spec = m.system() ? ProcessSpec.system(m.program()) : ProcessSpec.user(m.program());
            spec = spec.inSlot(m.slot());
            if (!m.system()) {
                List<String> args = new ArrayList<>();
                args.add(m.label());
                args.addAll(greeted);
                if (!commands.isEmpty()) {
                    args.add("--");
                    args.addAll(commands);
                }
                spec = spec.withArgs(args.toArray(String[]::new));
            } else {
                spec = spec.withArgs(m.label());
                if (m.sigManager() != Endpoint.NONE) spec = spec.withSigManagers(m.sigManager(), Endpoint.NONE);
            }
            int endpoint = machine.spawn(spec);
            // User processes wait for PM to hand them to their scheduler (spec §13).
            if (!m.system()) machine.holdForScheduler(endpoint);
            endpoints.add(endpoint);
            if (m.greet()) greeted.add(String.valueOf(endpoint));
        }
        return endpoints;
    }
}
