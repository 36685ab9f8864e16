package minixj.tests.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** kill, caught/blocked/ignored signals, SIGKILL, alarm (MINIX test5 ideas). */
class PmSignalTest {
    @Test
    void caughtBlockedIgnoredAndUncatchableSignals() throws Exception {
        assertEquals(List.of("caught before kill returned 1", "blocked count 1 pending true",
                "unblocked count 2 pending false", "ignored count 2", "catch SIGKILL -22", "ignore SIGSTOP -22",
                "bad signal -22", "no such pid -3", "kill init -22", "catching child alive 0", "killed sig 9", "done"),
                PmHarness.run(false, "signals"));
    }

    @Test
    void alarmDeliversSigalrm() throws Exception {
        assertEquals(List.of("first alarm 0", "suspend -4 alarms 1", "cancel left 5", "default alarm sig 14", "done"),
                PmHarness.run(false, "alarm"));
    }

    @Test
    void anUncaughtExceptionEndsTheProcessWithSigabrt() throws Exception {
        // The kernel raises SIGABRT; PM, the signal manager of user processes, ends the process.
        assertEquals(List.of("crashed signaled true sig 6", "done"), PmHarness.run(false, "crash"));
    }

    @Test
    void aStoppedProcessRunsItsHandlerOnlyAfterSigcont() throws Exception {
        assertEquals(List.of("ready -4 1", "sent while stopped", "child handled 30", "child suspend -4",
                "child exited true status 0", "done"), PmHarness.run(false, "stop"));
    }
}
