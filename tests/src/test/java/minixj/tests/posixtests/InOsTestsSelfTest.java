package minixj.tests.posixtests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The harness itself: an unknown test fails with an error line, so a pass means something. */
class InOsTestsSelfTest {
    @Test
    void anUnknownTestReportsAnErrorAndNotOk() throws Exception {
        List<String> log = InOsTests.run("test999");
        assertTrue(log.stream().anyMatch(l -> l.equals("Test 999, subtest 0, error 1: no such test: test999")), log::toString);
        assertTrue(log.contains("Test 999: 1 errors"), log::toString);
        assertFalse(log.contains("Test 999 ok"), log::toString);
    }
}
