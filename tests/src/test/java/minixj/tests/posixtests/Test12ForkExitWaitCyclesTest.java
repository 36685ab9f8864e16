package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX test12 run inside MinixJ (see minixj.commands.posixtests.Test12). */
class Test12ForkExitWaitCyclesTest {
    @Test
    void passesInsideMinixJ() throws Exception {
        InOsTests.assertPasses("test12");
    }
}
