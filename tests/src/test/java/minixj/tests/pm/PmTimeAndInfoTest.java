package minixj.tests.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * PM's clocks (MINIX test69's checks of clock_getres/gettime/settime, gettimeofday, stime),
 * getsysinfo's process table and its errors, supplementary groups, stopped children reported
 * with WUNTRACED, and the hang-up of a session's group when its leader exits.
 */
class PmTimeAndInfoTest {
    @Test
    void clocks() throws Exception {
        assertEquals(List.of("res 0 16666666 mono 16666666", "bad clock -22 -22", "monotonic after 1s true true",
                "realtime set 1000000000 true", "gettimeofday 1000000000", "monotonic kept true", "set monotonic -22",
                "bad nsec -22", "stime 2000000000 2000000000", "later 2000000002", "uptime ticks true",
                "user settime -1 stime -1 gettime 0", "done"), PmHarness.run(false, "clocks"));
    }

    @Test
    void processTable() throws Exception {
        assertEquals(List.of("self true uid 0 parent 1", "stopped true true parent true", "zombie true status 5",
                "services listed true", "bad size -22 bad item -22 bad address -14", "user sysinfo -1", "done"),
                PmHarness.run(false, "sysinfo"));
    }

    @Test
    void groups() throws Exception {
        assertEquals(List.of("initially 0 setugid false", "groups 3 3 7 9 count 3", "too small -22 too many -22",
                "child groups 3", "user setgroups -1", "cleared 0", "done"), PmHarness.run(false, "groups"));
    }

    @Test
    void stoppedChildrenWithWuntraced() throws Exception {
        assertEquals(List.of("stopped true sig 17 same true", "sigchld on stop 1", "again 0 plain 0",
                "then exited true status 0", "tstp stopped true sig 18 sigchld 0", "killed sig 9", "done"),
                PmHarness.run(false, "wuntraced"));
    }

    @Test
    void sessionLeaderExitHangsUpItsGroup() throws Exception {
        assertEquals(List.of("leader exited 4", "members [exit 7, exit 9, sig 1]", "none left -10", "done"),
                PmHarness.run(false, "hangup"));
    }
}
