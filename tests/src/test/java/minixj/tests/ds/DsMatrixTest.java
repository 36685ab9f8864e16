package minixj.tests.ds;

import static minixj.tests.ds.DsHarness.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import minixj.lib.ds.Ds;
import minixj.lib.ds.DsChange;
import minixj.lib.ipc.Errno;

/**
 * MINIX's ds test (spec §7.2): {@code dstest} runs the u32, string, memory and label cases while
 * {@code subs}, subscribed to {@code test_u32} with INITIAL, prints what each DS notify tells it.
 * The subscriber's trace must be 1234, 4321, then a deletion notice.
 */
class DsMatrixTest {
    @Test
    void dstestAndSubscriberTrace() throws Exception {
        List<String> trace = new CopyOnWriteArrayList<>();
        run(labelled("subs", (ds, t, eps) -> {
            try {
                ds.subscribe("test_u32", Ds.DSF_INITIAL);
            } catch (minixj.lib.ds.DsException e) {
                if (e.errno() != Errno.EEXIST) throw e; // MINIX's subs tolerates EEXIST
            }
            signal(t, eps.get("dstest"));
            // As MINIX's subs: one check per notify; ENOENT means the entry was deleted.
            while (!trace.contains("deleted")) {
                awaitNotify(t);
                DsChange c = ds.check();
                if (c == null) {
                    trace.add("deleted");
                } else {
                    assertEquals("test_u32", c.key());
                    assertEquals(Ds.DSF_TYPE_U32, c.type());
                    assertEquals(eps.get("dstest"), c.ownerEndpoint());
                    trace.add(String.valueOf(ds.retrieveU32(c.key())));
                }
            }
        }), labelled("dstest", (ds, t, eps) -> {
            await(t, eps.get("subs"));
            testU32(ds, t);
            testString(ds);
            testMemory(ds);
            testLabel(ds, eps.get("dstest"));
        }));
        assertEquals(List.of("1234", "4321", "deleted"), trace);
    }

    private static void testU32(Ds ds, minixj.lib.ipc.Trap t) {
        ds.publishU32("test_u32", 1234, 0);
        assertEquals(1234, ds.retrieveU32("test_u32"));
        sleepSeconds(t, 2); // let the subscriber see it (MINIX's test sleeps here too)
        expect(Errno.EEXIST, () -> ds.publishU32("test_u32", 4321, 0));
        ds.publishU32("test_u32", 4321, Ds.DSF_OVERWRITE);
        assertEquals(4321, ds.retrieveU32("test_u32"));
        sleepSeconds(t, 2); // and this value, before the deletion clears its mark
        ds.deleteU32("test_u32");
        expect(Errno.ESRCH, () -> ds.retrieveU32("test_u32"));
    }

    private static void testString(Ds ds) {
        ds.publishString("test_str", "little", 0);
        assertEquals("little", ds.retrieveString("test_str", 16));
        ds.deleteString("test_str");
        ds.publishString("test_str", "01234567890123456789", 0);
        assertEquals("0123456789012345", ds.retrieveString("test_str", 16)); // truncated to the buffer
        assertEquals("01234567890123456789", ds.retrieveString("test_str"));
        ds.deleteString("test_str");
        expect(Errno.ESRCH, () -> ds.retrieveString("test_str", 16));
    }

    private static void testMemory(Ds ds) {
        byte[] small = bytes(21, 1);
        ds.publishMemory("test_mem", small, 0);
        assertArrayEquals(small, ds.retrieveMemory("test_mem", 100));
        byte[] eight = ds.retrieveMemory("test_mem", 8);
        assertEquals(8, eight.length);
        assertArrayEquals(java.util.Arrays.copyOf(small, 8), eight);
        byte[] big = bytes(35, 7);
        ds.publishMemory("test_mem", big, Ds.DSF_OVERWRITE);
        assertArrayEquals(big, ds.retrieveMemory("test_mem", 100));
        ds.deleteMemory("test_mem");
        expect(Errno.ESRCH, () -> ds.retrieveMemory("test_mem", 100));
    }

    private static void testLabel(Ds ds, int self) {
        assertEquals("dstest", ds.retrieveLabelName(self));
        assertEquals(self, ds.retrieveLabelEndpoint("dstest"));
        expect(Errno.EPERM, () -> ds.publishLabel("dstest_label", self, 0));
        expect(Errno.EPERM, () -> ds.deleteLabel("dstest")); // its owner is rs
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (seed + i * 3);
        return b;
    }
}
