package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX test84 run inside MinixJ (see minixj.commands.posixtests.Test84). */
class Test84PosixSpawnTest {
    @Test
    void passesInsideMinixJ() throws Exception {
        InOsTests.assertPasses("test84");
    }
}
