package minixj.tests.ds;

import static minixj.tests.ds.DsHarness.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import minixj.lib.ds.Ds;
import minixj.lib.ds.DsEntryInfo;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.DsMsg;
import minixj.lib.mem.GrantEntry;
import minixj.lib.sys.GrantTables;
import minixj.lib.sys.ProcessGrants;

/**
 * Requests a client library would never send, built by hand: unknown codes, bad key lengths, bad
 * or foreign grants, bad types, negative and oversized value lengths, invalid UTF-8, a wrong
 * table size, a notify. Each gets an error reply, and DS keeps serving.
 */
class DsMalformedRequestTest {
    /** Raw requests from one process, on the same grant table as its {@link Ds}. */
    private static final class Raw {
        final Trap t;
        final ProcessGrants pg;
        final Ds ds;

        Raw(Trap t) {
            this.t = t;
            this.pg = GrantTables.open(t);
            this.ds = new Ds(t, pg);
        }

        /** A grant for {@code to} over a fresh buffer holding {@code data} plus {@code spare} bytes. */
        int grant(int to, byte[] data, int spare, int access) {
            long address = pg.heap().malloc(data.length + spare + 1);
            pg.memory().write(address, data, 0, data.length);
            return pg.grants().cpfGrantDirect(to, address, data.length + spare, access);
        }

        int keyGrant(String key) {
            return grant(Endpoint.DS, (key + "\0").getBytes(StandardCharsets.UTF_8), 0, GrantEntry.CPF_READ);
        }

        /** sendrec of {@code m} as request {@code type}; the reply's result. */
        int send(int type, DsMsg m) {
            m.message().type(type);
            assertEquals(Errno.OK, t.sendrec(Endpoint.DS, m.message()));
            return m.message().type();
        }

        DsMsg keyed(String key) {
            return new DsMsg(new Message()).keyGrant(keyGrant(key)).keyLength(key.length() + 1);
        }

        /** DS still answers a well-formed request. */
        void alive(int n) {
            ds.publishU32("alive", n, Ds.DSF_OVERWRITE);
            assertEquals(n, ds.retrieveU32("alive"));
        }
    }

    @Test
    void malformedRequestsGetErrorsAndDsKeepsServing() throws Exception {
        run(labelled("evil", (unused, t, eps) -> {
            Raw r = new Raw(t);
            r.alive(0);
            assertEquals(Errno.EINVAL, r.send(0x8FF, new DsMsg(new Message())), "unknown code");
            assertEquals(Errno.EINVAL, r.send(0x7FF, new DsMsg(new Message())), "unknown code");
            for (int length : new int[] {0, 1, Ds.DS_MAX_KEYLEN + 1, -5, Integer.MIN_VALUE}) {
                DsMsg m = r.keyed("abc").keyLength(length).flags(Ds.DSF_TYPE_U32);
                assertEquals(Errno.EINVAL, r.send(DsMsg.DS_PUBLISH, m), "key length " + length);
            }
            r.alive(1);
            // A grant id that names nothing, a negative one, one made for someone else.
            for (int grant : new int[] {12345, -1, r.grant(Endpoint.PM, "abc\0".getBytes(), 0, GrantEntry.CPF_READ)}) {
                DsMsg m = new DsMsg(new Message()).keyGrant(grant).keyLength(4).flags(Ds.DSF_TYPE_U32);
                int result = r.send(DsMsg.DS_PUBLISH, m);
                assertTrue(result < 0, "grant " + grant + " gave " + result);
            }
            // A key grant shorter than the length claimed; a read-only grant where DS must write.
            int shortGrant = r.grant(Endpoint.DS, "ab".getBytes(), 0, GrantEntry.CPF_READ);
            assertTrue(r.send(DsMsg.DS_PUBLISH, new DsMsg(new Message()).keyGrant(shortGrant).keyLength(10)
                    .flags(Ds.DSF_TYPE_U32)) < 0);
            r.ds.publishMemory("mem", new byte[16], 0);
            int readOnly = r.grant(Endpoint.DS, new byte[16], 0, GrantEntry.CPF_READ);
            assertTrue(r.send(DsMsg.DS_RETRIEVE, r.keyed("mem").flags(Ds.DSF_TYPE_MEM).valueGrant(readOnly)
                    .valueLength(16)) < 0);
            int small = r.grant(Endpoint.DS, new byte[4], 0, GrantEntry.CPF_WRITE);
            assertTrue(r.send(DsMsg.DS_RETRIEVE, r.keyed("mem").flags(Ds.DSF_TYPE_MEM).valueGrant(small)
                    .valueLength(16)) < 0, "capacity beyond the grant");
            r.alive(2);
            // Types: none, two at once, an unknown bit.
            for (int flags : new int[] {0, Ds.DSF_TYPE_U32 | Ds.DSF_TYPE_STR, 0x200, 0x800}) {
                assertEquals(Errno.EINVAL, r.send(DsMsg.DS_PUBLISH, r.keyed("t").flags(flags)), "flags " + flags);
                assertEquals(Errno.EINVAL, r.send(DsMsg.DS_RETRIEVE, r.keyed("t").flags(flags)), "flags " + flags);
                assertEquals(Errno.EINVAL, r.send(DsMsg.DS_DELETE, r.keyed("t").flags(flags)), "flags " + flags);
            }
            // Value lengths: negative, oversized.
            int value = r.grant(Endpoint.DS, new byte[8], 0, GrantEntry.CPF_READ | GrantEntry.CPF_WRITE);
            assertEquals(Errno.EINVAL, r.send(DsMsg.DS_PUBLISH, r.keyed("v").flags(Ds.DSF_TYPE_MEM)
                    .valueGrant(value).valueLength(-1)));
            assertEquals(Errno.E2BIG, r.send(DsMsg.DS_PUBLISH, r.keyed("v").flags(Ds.DSF_TYPE_MEM)
                    .valueGrant(value).valueLength(Ds.MAX_VALUE_SIZE + 1)));
            assertEquals(Errno.EINVAL, r.send(DsMsg.DS_RETRIEVE, r.keyed("mem").flags(Ds.DSF_TYPE_MEM)
                    .valueGrant(value).valueLength(-8)));
            assertEquals(Errno.EINVAL, r.send(DsMsg.DS_PUBLISH, r.keyed("v").flags(Ds.DSF_TYPE_STR)
                    .valueGrant(value).valueLength(0)), "a string needs at least its NUL");
            r.alive(3);
            // Keys that are not UTF-8, and one with a NUL inside (cut there, as in C).
            int latin = r.grant(Endpoint.DS, new byte[] {(byte) 0xFF, (byte) 0xFE, 0}, 0, GrantEntry.CPF_READ);
            assertEquals(Errno.EINVAL, r.send(DsMsg.DS_PUBLISH, new DsMsg(new Message()).keyGrant(latin).keyLength(3)
                    .flags(Ds.DSF_TYPE_U32)));
            int inner = r.grant(Endpoint.DS, "ab\0cd\0".getBytes(), 0, GrantEntry.CPF_READ);
            assertEquals(Errno.OK, r.send(DsMsg.DS_PUBLISH, new DsMsg(new Message()).keyGrant(inner).keyLength(6)
                    .flags(Ds.DSF_TYPE_U32).value(77)));
            assertEquals(77, r.ds.retrieveU32("ab"));
            // The table dump needs exactly the table's size.
            int table = r.grant(Endpoint.DS, new byte[DsEntryInfo.TABLE_SIZE], 0, GrantEntry.CPF_WRITE);
            assertEquals(Errno.EINVAL, r.send(DsMsg.DS_GETSYSINFO, new DsMsg(new Message()).valueGrant(table)
                    .valueLength(DsEntryInfo.TABLE_SIZE - 1)));
            assertEquals(Errno.OK, r.send(DsMsg.DS_GETSYSINFO, new DsMsg(new Message()).valueGrant(table)
                    .valueLength(DsEntryInfo.TABLE_SIZE)));
            // A check whose key buffer is unusable keeps the change for the next check.
            r.ds.subscribe("watched", 0);
            r.ds.publishU32("watched", 1, 0);
            int noRoom = r.grant(Endpoint.DS, new byte[4], 0, GrantEntry.CPF_WRITE);
            assertEquals(Errno.EINVAL, r.send(DsMsg.DS_CHECK, new DsMsg(new Message()).keyGrant(noRoom).keyLength(0)));
            assertTrue(r.send(DsMsg.DS_CHECK, new DsMsg(new Message()).keyGrant(12345).keyLength(80)) < 0);
            assertEquals("watched", r.ds.check().key());
            assertNull(r.ds.check());
            // A notify to DS is answered EINVAL (MINIX's behaviour).
            assertEquals(Errno.OK, t.notify(Endpoint.DS));
            Message reply = new Message();
            do {
                assertEquals(Errno.OK, t.receive(Endpoint.DS, reply));
            } while (Ipc.isNotify(t.ipcStatus())); // DS's own notifies for "watched" may come first
            assertEquals(Errno.EINVAL, reply.type());
            r.alive(4);
        }));
    }
}
