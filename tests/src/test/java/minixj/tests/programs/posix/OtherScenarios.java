package minixj.tests.programs.posix;

import static minixj.tests.programs.posix.Main.child;
import static minixj.tests.programs.posix.Main.errno;

import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;
import minixj.lib.posix.WaitStatus;

/** Ids, sessions, times and memory scenarios of the PM test program. */
final class OtherScenarios {
    private OtherScenarios() {
    }

    static void ids(Posix px, int rep) {
        Report.say(rep, "uid " + px.getuid() + " euid " + px.geteuid() + " group " + px.getpgrp());
        int session = px.fork(child("Session"), String.valueOf(rep));
        px.waitpid(session, 0);
        Report.say(rep, "leader setsid " + errno(() -> px.setsid()));
        px.seteuid(7);
        Report.say(rep, "seteuid 7: uid " + px.getuid() + " euid " + px.geteuid());
        px.seteuid(0); // back to the real id
        int rootChild = px.fork(child("Pauser"), String.valueOf(rep));
        px.setgid(20);
        px.setuid(5); // root: all three
        Report.say(rep, "setuid 5: uid " + px.getuid() + " euid " + px.geteuid() + " gid " + px.getgid());
        Report.say(rep, "kill root's process " + errno(() -> px.kill(rootChild, Signals.SIGTERM)));
        Report.say(rep, "setuid 0 " + errno(() -> px.setuid(0)) + " seteuid 0 " + errno(() -> px.seteuid(0)));
        Report.say(rep, "setgid 0 " + errno(() -> px.setgid(0)));
        int child = px.fork(child("Describe"), String.valueOf(rep));
        px.waitpid(child, 0);
        Report.say(rep, "kill PM " + errno(() -> px.kill(2, 0)));
    }

    static void times(Posix px, int rep) {
        minixj.lib.posix.Tms before = px.times();
        int child = px.fork(child("Spin"), String.valueOf(rep), "30000000");
        px.waitpid(child, 0);
        minixj.lib.posix.Tms after = px.times();
        Report.say(rep, "children before " + (before.childUserTicks() + before.childSystemTicks())
                + " after > 0 " + (after.childUserTicks() + after.childSystemTicks() > 0));
        Report.say(rep, "uptime grew " + (after.uptime() > before.uptime()));
    }

    /** Children see the parent's memory as it was at fork; their writes stay their own. */
    static void memory(Posix px, int rep, int n) {
        long address = minixj.lib.mem.MemoryLayout.INITIAL_REGION_BASE + 64 * 1024;
        int bad = 0;
        long freeFrames = -1;
        for (int i = 0; i < n; i++) {
            Trap.current().memory().writeInt(address, 1000 + i);
            int child = px.fork(child("MemoryChild"), String.valueOf(rep), String.valueOf(address),
                    String.valueOf(1000 + i));
            WaitStatus w = px.waitpid(child, 0);
            if (w.exitStatus() != 0 || Trap.current().memory().readInt(address) != 1000 + i) bad++;
            if (i == 0) freeFrames = freeFrames();
        }
        Report.say(rep, "memory forks " + n + " bad " + bad);
        Report.say(rep, "free frames back " + (freeFrames > 0 && freeFrames == freeFrames()));
    }

    /** VM_INFO: frames nobody uses (VM answers users too). */
    private static long freeFrames() {
        minixj.lib.ipc.layout.VmMsg info = new minixj.lib.ipc.layout.VmMsg(new minixj.lib.ipc.Message())
                .endpoint(minixj.lib.ipc.Endpoint.SELF);
        info.message().type(minixj.lib.ipc.layout.VmMsg.VM_INFO);
        Trap.current().sendrec(minixj.lib.ipc.Endpoint.VM, info.message());
        return info.freeFrames();
    }
}
