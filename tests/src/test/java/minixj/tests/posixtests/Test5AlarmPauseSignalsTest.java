package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX test5 run inside MinixJ (see minixj.commands.posixtests.Test5). */
class Test5AlarmPauseSignalsTest {
    @Test
    void passesInsideMinixJ() throws Exception {
        InOsTests.assertPasses("test5");
    }
}
