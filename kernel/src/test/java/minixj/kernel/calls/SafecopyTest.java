package minixj.kernel.calls;

import static minixj.kernel.calls.Harness.msg;
import static minixj.lib.ipc.Errno.OK;
import static minixj.lib.mem.GrantEntry.CPF_READ;
import static minixj.lib.mem.GrantEntry.CPF_WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysVsafecopyMsg;
import minixj.lib.mem.SafecopyVector;
import minixj.lib.mem.UserMemory;
import minixj.lib.sys.GrantTables;
import minixj.lib.sys.ProcessGrants;
import minixj.lib.sys.Sys;

/**
 * MINIX's safecopy test between two system processes: A grants a patterned buffer to B, B
 * copies it out piece by piece with SAFECOPYFROM, VSAFECOPY and writes it back transformed with
 * SAFECOPYTO and SAFEMEMSET; A checks what landed in its memory.
 */
class SafecopyTest {
    static final int GRANT = 0x7001;
    static final int DONE = 0x7002;
    /** Not a multiple of the page size, so the grant's end is in the middle of a page. */
    static final int LEN = 70_000;
    static final int[] SIZES = {1, 2, 3, 511, 4095, 4096, 4097, 8191, 16384, 32768};
    static final int MEMSET_OFFSET = 100;
    static final int MEMSET_LEN = 5000;
    static final byte MEMSET_BYTE = (byte) 0xAB;

    static byte[] pattern(int len) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) b[i] = (byte) (i * 31 + 7 + (i >> 8));
        return b;
    }

    static byte[] transformed(byte[] data) {
        byte[] b = new byte[data.length];
        for (int i = 0; i < data.length; i++) b[i] = (byte) ~data[i];
        return b;
    }

    static byte[] read(UserMemory mem, long address, int len) {
        byte[] b = new byte[len];
        mem.read(address, b, 0, len);
        return b;
    }

    static byte[] slice(byte[] b, int from, int len) {
        return java.util.Arrays.copyOfRange(b, from, from + len);
    }

    @Test
    void safecopyBetweenTwoSystemProcesses() throws Exception {
        try (Harness h = new Harness()) {
            int b = h.system("grantee", args -> grantee(Trap.current()));
            int a = h.system("granter", args -> {
                Trap t = Trap.current();
                ProcessGrants pg = GrantTables.open(t);
                long buf = pg.heap().malloc(LEN);
                byte[] data = pattern(LEN);
                pg.memory().write(buf, data, 0, LEN);
                int gid = pg.grants().cpfGrantDirect(b, buf, LEN, CPF_READ | CPF_WRITE);
                assertTrue(gid >= 0, "grant id " + gid);
                assertEquals(OK, t.send(b, msg(GRANT, gid, LEN)));
                Message m = new Message();
                assertEquals(OK, t.receive(b, m));
                assertEquals(DONE, m.type());
                byte[] expected = transformed(data);
                java.util.Arrays.fill(expected, MEMSET_OFFSET, MEMSET_OFFSET + MEMSET_LEN, MEMSET_BYTE);
                assertArrayEquals(expected, read(pg.memory(), buf, LEN));
            });
            h.start();
            h.awaitOk(a, b);
        }
    }

    /** B's side: every kind of copy through A's grant, checked byte for byte. */
    private static void grantee(Trap t) {
        Message m = new Message();
        assertEquals(OK, t.receive(Endpoint.ANY, m));
        assertEquals(GRANT, m.type());
        int granter = m.source();
        int gid = m.getInt(0);
        int len = m.getInt(4);
        byte[] data = pattern(len);
        ProcessGrants pg = GrantTables.open(t);
        UserMemory mem = pg.memory();
        long local = pg.heap().malloc(len + 64);

        // SAFECOPYFROM of every size, at offsets that cross pages unaligned, to unaligned addresses.
        for (int i = 0; i < SIZES.length; i++) {
            int size = SIZES[i];
            int offset = (i * 4099 + 1) % (len - size + 1);
            long dst = local + (i % 8);
            mem.fill(local, size + 16, (byte) 0);
            assertEquals(OK, Sys.safecopyFrom(t, granter, gid, offset, dst, size), "size " + size);
            assertArrayEquals(slice(data, offset, size), read(mem, dst, size), "size " + size + " at " + offset);
            assertEquals(0, mem.readByte(dst + size), "no byte past the copy, size " + size);
        }

        // VSAFECOPY: two reads and two writes in one call.
        long vec = pg.heap().malloc(4 * SafecopyVector.ELEMENT_SIZE);
        long x = pg.heap().malloc(100);
        long y = pg.heap().malloc(3000);
        long z = pg.heap().malloc(777);
        long w = pg.heap().malloc(4096);
        byte[] zData = pattern(777 + 13);
        byte[] wData = transformed(pattern(4096));
        mem.write(z, zData, 13, 777);
        mem.write(w, wData, 0, 4096);
        Sys.putVsafecopyElement(mem, vec, 0, granter, Endpoint.SELF, gid, 0, x, 100);
        Sys.putVsafecopyElement(mem, vec, 1, granter, Endpoint.SELF, gid, 5000, y, 3000);
        Sys.putVsafecopyElement(mem, vec, 2, Endpoint.SELF, granter, gid, 20_000, z, 777);
        Sys.putVsafecopyElement(mem, vec, 3, Endpoint.SELF, granter, gid, 30_000, w, 4096);
        Message v = new Message();
        new SysVsafecopyMsg(v).vectorAddress(vec).count(4);
        assertEquals(OK, t.kernelCall(minixj.lib.ipc.SysCalls.SYS_VSAFECOPY, v));
        assertEquals(4, new SysVsafecopyMsg(v).done());
        assertArrayEquals(slice(data, 0, 100), read(mem, x, 100));
        assertArrayEquals(slice(data, 5000, 3000), read(mem, y, 3000));
        // The writes landed in A's memory: read them back through the grant.
        assertEquals(OK, Sys.safecopyFrom(t, granter, gid, 20_000, local, 777));
        assertArrayEquals(slice(zData, 13, 777), read(mem, local, 777));
        assertEquals(OK, Sys.safecopyFrom(t, granter, gid, 30_000, local, 4096));
        assertArrayEquals(wData, read(mem, local, 4096));
        assertEquals(OK, Sys.vsafecopy(t, vec, 0), "an empty vector does nothing");

        // SAFECOPYTO the transformed pattern over the whole grant, in chunks of the test sizes.
        byte[] back = transformed(data);
        mem.write(local, back, 0, len);
        int offset = 0;
        for (int i = 0; offset < len; i++) {
            int size = Math.min(SIZES[i % SIZES.length], len - offset);
            assertEquals(OK, Sys.safecopyTo(t, granter, gid, offset, local + offset, size), "to " + offset);
            offset += size;
        }

        // SAFEMEMSET a range that crosses a page boundary.
        assertEquals(OK, Sys.safememset(t, granter, gid, MEMSET_OFFSET, MEMSET_BYTE, MEMSET_LEN));
        assertEquals(OK, t.send(granter, new Message(DONE)));
    }
}
