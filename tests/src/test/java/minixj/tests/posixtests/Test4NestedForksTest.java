package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX test4 run inside MinixJ (see minixj.commands.posixtests.Test4). */
class Test4NestedForksTest {
    @Test
    void passesInsideMinixJ() throws Exception {
        InOsTests.assertPasses("test4");
    }
}
