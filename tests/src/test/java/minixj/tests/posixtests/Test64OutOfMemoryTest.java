package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX's test64 inside MinixJ (commands/.../posixtests/Test64). */
class Test64OutOfMemoryTest {
    @Test
    void passes() throws Exception {
        InOsTests.assertPasses("test64");
    }
}
