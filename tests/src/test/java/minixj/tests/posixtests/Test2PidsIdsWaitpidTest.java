package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX test2 run inside MinixJ (see minixj.commands.posixtests.Test2). */
class Test2PidsIdsWaitpidTest {
    @Test
    void passesInsideMinixJ() throws Exception {
        InOsTests.assertPasses("test2");
    }
}
