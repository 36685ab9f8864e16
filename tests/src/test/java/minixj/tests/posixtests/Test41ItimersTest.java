package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX's test41: getitimer/setitimer for the real, virtual and profiling timers. */
class Test41ItimersTest {
    @Test
    void passes() throws Exception {
        InOsTests.assertPasses("test41");
    }
}
