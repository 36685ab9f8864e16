package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX's test44 inside MinixJ (commands/.../posixtests/Test44). */
class Test44MmapFixedForkTest {
    @Test
    void passes() throws Exception {
        InOsTests.assertPasses("test44");
    }
}
