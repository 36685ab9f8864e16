package minixj.tests.posixtests;

import org.junit.jupiter.api.Test;

/** MINIX's test89: set[ug]id, sete[ug]id and saved ids, checked through PM's process table. */
class Test89SetuidTest {
    @Test
    void passes() throws Exception {
        InOsTests.assertPasses("test89");
    }
}
