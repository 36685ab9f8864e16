package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX's test42 (ptrace) inside the system: attach/detach, stops, signals, syscall tracing, fork, tracer death. */
class Test42PtraceTest {
    @Test
    void test42Passes() throws Exception {
        InOsTests.assertPasses("test42");
    }
}
