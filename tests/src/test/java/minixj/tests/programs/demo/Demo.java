package minixj.tests.programs.demo;

import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;
import minixj.lib.posix.WaitStatus;

/** The posix_spawn example of docs/PROGRAMS.md, word for word (but for the package). */
public final class Demo {
    public static void main(String[] args) {
        Posix px = new Posix(Trap.current());
        int pid = px.posixSpawn("/bin/echo", "echo", "hello", "from", "pid", String.valueOf(px.getpid()));
        WaitStatus w = px.waitpid(pid, 0);
        px.print("echo ended with status " + w.exitStatus() + "\n");
        px.exit(0);
    }
}
