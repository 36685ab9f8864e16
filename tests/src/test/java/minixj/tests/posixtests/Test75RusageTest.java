package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX's test75: getrusage and wait4's rusage (good and bad pointers). */
class Test75RusageTest {
    @Test
    void passes() throws Exception {
        InOsTests.assertPasses("test75");
    }
}
