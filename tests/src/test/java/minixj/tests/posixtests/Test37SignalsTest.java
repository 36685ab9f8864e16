package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX's test37: signal sets, sigaction with flags and old actions, sigprocmask, sigpending, sigsuspend. */
class Test37SignalsTest {
    @Test
    void passes() throws Exception {
        InOsTests.assertPasses("test37");
    }
}
