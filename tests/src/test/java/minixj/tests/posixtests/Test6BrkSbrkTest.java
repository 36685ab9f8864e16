package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX's test6 inside MinixJ (commands/.../posixtests/Test6). */
class Test6BrkSbrkTest {
    @Test
    void passes() throws Exception {
        InOsTests.assertPasses("test6");
    }
}
