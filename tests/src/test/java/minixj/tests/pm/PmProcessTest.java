package minixj.tests.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** getpid/getppid, fork and wait (MINIX test1/test2 ideas), orphans, and ids. */
class PmProcessTest {
    @Test
    void pidsForkAndWaitStatus() throws Exception {
        // PM builds pids from the kernel's table: INIT (the program) 1 and its own parent, PM 2,
        // the reporter 3; the first fork gets 4.
        assertEquals(List.of("pid=1 ppid=1", "child pid=4 ppid=1 uid=0", "waited same pid true exited true status 7",
                "fork bad entry -8", "done"), PmHarness.run(false, "pids"));
    }

    @Test
    void orphansAreAdoptedAndReapedByInit() throws Exception {
        assertEquals(List.of("middle exited 0", "orphan adopted by 1", "grandchild reaped by init status 5", "done"),
                PmHarness.run(false, "orphan"));
    }

    @Test
    void withSchedGrandchildrenInheritTheirParentsScheduling() throws Exception {
        // INIT's child is started by SCHED (INIT is kernel-scheduled); its own child inherits.
        assertEquals(List.of("middle exited 0", "orphan adopted by 1", "grandchild reaped by init status 5", "done"),
                PmHarness.run(true, "orphan"));
    }

    @Test
    void waitpidOptionsGroupsAndEchild() throws Exception {
        assertEquals(List.of("nohang no children -10", "nohang running child 0", "kill check only 0",
                "terminated signaled true sig 15 same true", "kill gone -3", "suspend -4 chld 1",
                "nohang zombie same true status 3", "wrong pid -10", "group wait own group -10",
                "group wait other group 0", "group killed sig 9", "done"), PmHarness.run(false, "wait"));
    }

    @Test
    void uidAndGidRulesAndSessions() throws Exception {
        assertEquals(List.of("uid 0 euid 0 group 1", "child group inherited true",
                "setsid new session true group true", "second setsid -1", "leader setsid -1",
                "seteuid 7: uid 0 euid 7", "setuid 5: uid 5 euid 5 gid 20", "kill root's process -1",
                "setuid 0 -1 seteuid 0 -1", "setgid 0 -1", "child pid=6 ppid=1 uid=5", "kill PM -1", "done"),
                PmHarness.run(false, "ids"));
    }

    @Test
    void timesCountsWaitedForChildren() throws Exception {
        assertEquals(List.of("children before 0 after > 0 true", "uptime grew true", "done"),
                PmHarness.run(false, "times"));
    }
}
