package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX test1 run inside MinixJ (see minixj.commands.posixtests.Test1). */
class Test1ForkWaitSignalsTest {
    @Test
    void passesInsideMinixJ() throws Exception {
        InOsTests.assertPasses("test1");
    }
}
