package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX's test79: no signal is lost in ping-pong between a busy worker and its signalers; killing them midway. */
class Test79SignalRobustnessTest {
    @Test
    void passes() throws Exception {
        InOsTests.assertPasses("test79");
    }
}
