package minixj.commands.init;

import java.util.ArrayList;
import java.util.List;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;
import minixj.lib.posix.PosixException;
import minixj.lib.posix.WaitStatus;

/**
 * The first user process (pid 1). Its command line: its name, the endpoints of services to greet
 * (the hello service), then {@code --} and commands to run one after the other (each a path and
 * its arguments separated by spaces), reporting each one's exit status. Then, as every init, it
 * stays to collect the children given to it. Later steps make it run /etc/rc and a shell.
 */
public final class Init {
    /** Request type understood by the hello service. */
    static final int HELLO_GREET = 0x1100;
    /** Printed when the commands given on the command line have all ended. */
    public static final String DONE = "init: commands done";

    private Init() {
    }

    public static void main(String[] args) {
        Trap trap = Trap.current();
        Posix px = new Posix(trap);
        List<String> commands = new ArrayList<>();
        boolean afterDash = false;
        for (int i = 1; i < args.length; i++) {
            if (afterDash) {
                commands.add(args[i]);
            } else if (args[i].equals("--")) {
                afterDash = true;
            } else {
                greet(trap, args[i]);
            }
        }
        for (String command : commands) run(px, command);
        if (!commands.isEmpty()) px.print(DONE + "\n");
        reapForever(px);
    }

    private static void greet(Trap trap, String arg) {
        int endpoint;
        try {
            endpoint = Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            return;
        }
        Message m = new Message(HELLO_GREET);
        int r = trap.sendrec(endpoint, m);
        if (r != Errno.OK || m.type() != Errno.OK) {
            throw new IllegalStateException("init: no greeting from endpoint " + endpoint + ": "
                    + Errno.name(r != Errno.OK ? r : m.type()));
        }
    }

    /** Spawns {@code command}, waits for it and reports how it ended. */
    private static void run(Posix px, String command) {
        String[] argv = command.trim().split("\\s+");
        try {
            int pid = px.posixSpawn(argv[0], argv);
            WaitStatus status = px.waitpid(pid, 0);
            px.print("init: " + command + ": " + describe(status) + "\n");
        } catch (PosixException e) {
            px.print("init: " + command + ": " + Errno.name(e.errno()) + "\n");
        }
    }

    static String describe(WaitStatus status) {
        return status.signaled() ? "killed by signal " + status.termSig() : "exit status " + status.exitStatus();
    }

    /** Collects orphans for ever: SIGCHLD wakes init, which then waits without blocking. */
    private static void reapForever(Posix px) {
        px.sigaction(Signals.SIGCHLD, sig -> { });
        while (true) {
            try {
                while (px.waitpid(-1, Posix.WNOHANG).pid() > 0) {
                    // one more child collected
                }
            } catch (PosixException e) {
                // ECHILD: nobody to wait for now
            }
            try {
                px.sigsuspend(new SigSet());
            } catch (PosixException e) {
                // EINTR: a SIGCHLD arrived
            }
        }
    }
}
