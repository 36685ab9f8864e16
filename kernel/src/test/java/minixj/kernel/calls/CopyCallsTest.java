package minixj.kernel.calls;

import static minixj.kernel.calls.Harness.msg;
import static minixj.kernel.calls.SafecopyTest.pattern;
import static minixj.kernel.calls.SafecopyTest.read;
import static minixj.kernel.calls.SafecopyTest.transformed;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.mem.UserMemory;
import minixj.lib.sys.GrantTables;
import minixj.lib.sys.ProcessGrants;
import minixj.lib.sys.Sys;

/** SYS_VIRCOPY, SYS_PHYSCOPY, SYS_UMAP and SYS_MEMSET: the raw copies of privileged services. */
class CopyCallsTest {
    static final int ADDR = 0x7501;
    static final int DONE = 0x7502;
    static final int LEN = 10_000;

    @Test
    void vircopyBetweenTwoOtherProcessesAndSelf() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger copier = new AtomicInteger();
            int a = h.system("a", args -> {
                Trap t = Trap.current();
                ProcessGrants pg = GrantTables.open(t);
                long buf = pg.heap().malloc(LEN);
                long back = pg.heap().malloc(LEN);
                pg.memory().write(buf, pattern(LEN), 0, LEN);
                assertEquals(OK, t.send(copier.get(), msg(ADDR, (int) buf, (int) back)));
                assertEquals(OK, t.receive(copier.get(), new Message()));
                assertArrayEquals(transformed(pattern(LEN)), read(pg.memory(), back, LEN));
                assertArrayEquals(pattern(LEN), read(pg.memory(), buf, LEN), "the source is unchanged");
            });
            int b = h.system("b", args -> {
                Trap t = Trap.current();
                ProcessGrants pg = GrantTables.open(t);
                long dst = pg.heap().malloc(LEN + 1);
                assertEquals(OK, t.send(copier.get(), msg(ADDR, (int) dst)));
                assertEquals(OK, t.receive(copier.get(), new Message()));
                assertArrayEquals(pattern(LEN), read(pg.memory(), dst, LEN));
                assertEquals(0, pg.memory().readByte(dst + LEN), "not one byte more");
            });
            copier.set(h.system("copier", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(OK, t.receive(a, m));
                long bufA = m.getInt(0);
                long backA = m.getInt(4);
                assertEquals(OK, t.receive(b, m));
                long dstB = m.getInt(0);
                ProcessGrants pg = GrantTables.open(t);
                long local = pg.heap().malloc(LEN);

                assertEquals(OK, Sys.vircopy(t, a, bufA, b, dstB, LEN), "between two others");
                assertEquals(OK, Sys.vircopy(t, a, bufA, Endpoint.SELF, local, LEN), "to SELF");
                assertArrayEquals(pattern(LEN), read(pg.memory(), local, LEN));
                pg.memory().write(local, transformed(pattern(LEN)), 0, LEN);
                assertEquals(OK, Sys.vircopy(t, Endpoint.SELF, local, a, backA, LEN), "from SELF");

                assertEquals(EINVAL, Sys.vircopy(t, Endpoint.NONE, 0x1000, Endpoint.SELF, local, 10),
                        "physical addressing is for PHYSCOPY");
                assertEquals(EINVAL, Sys.vircopy(t, a, bufA, Endpoint.CLOCK, 0, 10), "a task");
                assertEquals(EINVAL, Sys.vircopy(t, Endpoint.make(4, 44), 0, Endpoint.SELF, local, 10), "dead");
                assertEquals(EINVAL, Sys.vircopy(t, a, bufA, Endpoint.SELF, local, -1), "negative length");
                assertEquals(EFAULT, Sys.vircopy(t, a, 0x10, Endpoint.SELF, local, 10), "unmapped source");
                assertEquals(EFAULT, Sys.vircopy(t, a, bufA, b,
                        MemoryLayout.INITIAL_REGION_BASE + MemoryLayout.INITIAL_REGION_SIZE - 5, 10),
                        "destination runs off the initial region");
                assertEquals(OK, t.send(a, new Message(DONE)));
                assertEquals(OK, t.send(b, new Message(DONE)));
            }));
            h.start();
            h.awaitOk(copier.get(), a, b);
        }
    }

    @Test
    void physcopyMemsetAndUmap() throws Exception {
        try (Harness h = new Harness()) {
            int p = h.system("phys", args -> {
                Trap t = Trap.current();
                ProcessGrants pg = GrantTables.open(t);
                UserMemory mem = pg.memory();
                int page = MemoryLayout.PAGE_SIZE;
                long local = pg.heap().malloc(page, page) + 100;
                mem.write(local, pattern(1000), 0, 1000);

                long phys = Sys.umap(t, Endpoint.SELF, local, 1000);
                assertTrue(phys >= 0, "umap: " + phys);
                assertEquals(local % page, phys % page, "same offset in the page");
                long other = pg.heap().malloc(200);
                assertEquals(OK, Sys.physcopy(t, Endpoint.NONE, phys, Endpoint.SELF, other, 100));
                assertArrayEquals(Arrays.copyOf(pattern(1000), 100), read(mem, other, 100));

                long src = pg.heap().malloc(50);
                byte[] fifty = transformed(pattern(50));
                mem.write(src, fifty, 0, 50);
                assertEquals(OK, Sys.physcopy(t, Endpoint.SELF, src, Endpoint.NONE, phys, 50));
                assertArrayEquals(fifty, read(mem, local, 50), "written through the physical address");

                assertEquals(OK, Sys.memset(t, Endpoint.NONE, phys, 0x77, 16));
                byte[] sevens = new byte[16];
                Arrays.fill(sevens, (byte) 0x77);
                assertArrayEquals(sevens, read(mem, local, 16));
                assertEquals(OK, Sys.memset(t, Endpoint.SELF, local + 16, 0x33, 4));
                assertArrayEquals(new byte[] {0x33, 0x33, 0x33, 0x33, fifty[20]}, read(mem, local + 16, 5));

                assertEquals(EFAULT, Sys.physcopy(t, Endpoint.NONE, 1L << 40, Endpoint.SELF, other, 10),
                        "past physical memory");
                long untouched = pg.heap().malloc(page, page);
                assertEquals(EFAULT, Sys.umap(t, Endpoint.SELF, untouched, 1), "not present");
                long two = pg.heap().malloc(2L * page, page);
                mem.writeByte(two, (byte) 1);
                assertTrue(Sys.umap(t, Endpoint.SELF, two, page) >= 0, "the first page alone");
                assertEquals(EFAULT, Sys.umap(t, Endpoint.SELF, two, 2L * page), "the second page is not present");
                assertEquals(EINVAL, Sys.umap(t, Endpoint.SELF, 1L << 40, 1), "outside the address space");
                assertEquals(EINVAL, Sys.umap(t, Endpoint.make(4, 44), local, 1), "no such process");
            });
            h.start();
            h.awaitOk(p);
        }
    }
}
