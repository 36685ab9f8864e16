package minixj.tests.ds;

import static minixj.tests.ds.DsHarness.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import minixj.lib.ds.Ds;
import minixj.lib.ipc.Errno;

/**
 * Capacity limits and their errors: key length (MINIX's DS_MAX_KEYLEN), the 128-entry table
 * (ENOMEM), value size (E2BIG), the total byte budget (ENOMEM) and names per map (ENOMEM).
 * (The 256-subscription limit, which needs 257 labels, is checked on the server's classes.)
 */
class DsLimitsTest {
    @Test
    void keyLengths() throws Exception {
        run(labelled("svc", (ds, t, eps) -> {
            String longest = "k".repeat(Ds.DS_MAX_KEYLEN - 1);
            ds.publishU32(longest, 1, 0);
            assertEquals(1, ds.retrieveU32(longest));
            expect(Errno.EINVAL, () -> ds.publishU32("k".repeat(Ds.DS_MAX_KEYLEN), 1, 0));
            expect(Errno.EINVAL, () -> ds.publishU32("", 1, 0));
            expect(Errno.EINVAL, () -> ds.subscribe("x".repeat(Ds.DS_MAX_KEYLEN), 0));
            expect(Errno.EINVAL, () -> ds.mapPut("map", "n".repeat(Ds.DS_MAX_KEYLEN), new byte[1], 0));
        }));
    }

    @Test
    void theEntryTableHoldsMaxEntries() throws Exception {
        run(labelled("svc", (ds, t, eps) -> {
            int used = ds.entries().size(); // the labels
            for (int i = used; i < Ds.MAX_ENTRIES; i++) ds.publishU32("k" + i, i, 0);
            assertEquals(Ds.MAX_ENTRIES, ds.entries().size());
            expect(Errno.ENOMEM, () -> ds.publishU32("one.more", 0, 0));
            expect(Errno.ENOMEM, () -> ds.mapPut("one.more", "x", new byte[1], 0));
            ds.publishU32("k" + used, 7, Ds.DSF_OVERWRITE); // overwriting needs no new slot
            ds.deleteU32("k" + used);
            ds.publishU32("one.more", 0, 0); // a freed slot is reused
        }));
    }

    @Test
    void valueSizeAndTotalBytes() throws Exception {
        run(labelled("svc", (ds, t, eps) -> {
            byte[] largest = new byte[Ds.MAX_VALUE_SIZE];
            largest[Ds.MAX_VALUE_SIZE - 1] = 9;
            expect(Errno.E2BIG, () -> ds.publishMemory("big", new byte[Ds.MAX_VALUE_SIZE + 1], 0));
            expect(Errno.E2BIG, () -> ds.publishString("big", "s".repeat(Ds.MAX_VALUE_SIZE), 0)); // + NUL
            expect(Errno.E2BIG, () -> ds.mapPut("big", "x", new byte[Ds.MAX_VALUE_SIZE + 1], 0));
            int fits = Ds.MAX_TOTAL_BYTES / Ds.MAX_VALUE_SIZE;
            for (int i = 0; i < fits; i++) ds.publishMemory("v" + i, largest, 0);
            assertArrayEquals(largest, ds.retrieveMemory("v0", Ds.MAX_VALUE_SIZE));
            expect(Errno.ENOMEM, () -> ds.publishMemory("v.extra", new byte[1], 0));
            expect(Errno.ENOMEM, () -> ds.publishString("v.extra", "", 0));
            expect(Errno.ENOMEM, () -> ds.snapshot("v0", 0));
            ds.publishU32("v.u32", 1, 0); // u32s take no bytes
            ds.publishMemory("v0", new byte[10], Ds.DSF_OVERWRITE); // shrinking frees bytes
            ds.publishMemory("v.extra", new byte[100], 0);
        }));
    }

    @Test
    void namesPerMap() throws Exception {
        run(labelled("svc", (ds, t, eps) -> {
            for (int i = 0; i < Ds.MAX_MAP_ENTRIES; i++) ds.mapPut("map", "n" + i, new byte[] {(byte) i}, 0);
            expect(Errno.ENOMEM, () -> ds.mapPut("map", "n.extra", new byte[1], 0));
            ds.mapPut("map", "n3", new byte[] {33}, Ds.DSF_OVERWRITE); // replacing a name is fine
            assertEquals(Ds.MAX_MAP_ENTRIES, ds.mapList("map").size());
            ds.mapDelete("map", "n0");
            ds.mapPut("map", "n.extra", new byte[1], 0);
        }));
    }
}
