package minixj.kernel.calls;

import static minixj.kernel.calls.GrantErrorsTest.DONE;
import static minixj.kernel.calls.GrantErrorsTest.IDS;
import static minixj.kernel.calls.GrantErrorsTest.LEN;
import static minixj.kernel.calls.Harness.msg;
import static minixj.lib.ipc.Errno.*;
import static minixj.lib.mem.GrantEntry.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.sys.GrantTables;
import minixj.lib.sys.ProcessGrants;
import minixj.lib.sys.Sys;

/** Magic grants: only VFS (and MIB) may grant another process's memory, which must still exist. */
class MagicGrantTest {
    @Test
    void magicGrantFromANonVfsProcessIsRefused() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger owner = new AtomicInteger();
            AtomicInteger vfs = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            int grantee = h.system("grantee", args -> {
                Trap t = Trap.current();
                ProcessGrants pg = GrantTables.open(t);
                long local = pg.heap().malloc(LEN);
                Message m = new Message();
                for (int i = 0; i < 2; i++) {
                    assertEquals(OK, t.receive(Endpoint.ANY, m));
                    int g = m.getInt(0);
                    if (m.source() == vfs.get()) {
                        assertEquals(OK, Sys.safecopyFrom(t, m.source(), g, 0, local, LEN));
                        byte[] got = new byte[LEN];
                        pg.memory().read(local, got, 0, LEN);
                        org.junit.jupiter.api.Assertions.assertArrayEquals(SafecopyTest.pattern(LEN), got);
                        pg.memory().fill(local, 16, (byte) 0x5A);
                        assertEquals(OK, Sys.safecopyTo(t, m.source(), g, 0, local, 16));
                    } else {
                        assertEquals(other.get(), m.source());
                        assertEquals(EPERM, Sys.safecopyFrom(t, m.source(), g, 0, local, LEN));
                        assertEquals(EPERM, Sys.safecopyTo(t, m.source(), g, 0, local, 16));
                    }
                }
                for (int ep : new int[] {vfs.get(), other.get(), owner.get()}) {
                    assertEquals(OK, t.send(ep, new Message(DONE)));
                }
            });
            minixj.kernel.ProgramBody magician = args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(OK, t.receive(owner.get(), m));
                int g = GrantTables.open(t).grants().cpfGrantMagic(grantee, owner.get(), m.getInt(0), LEN,
                        CPF_READ | CPF_WRITE);
                assertTrue(g >= 0);
                assertEquals(OK, t.send(grantee, msg(IDS, g)));
                assertEquals(OK, t.receive(grantee, m));
            };
            vfs.set(h.spawn(ProcessSpec.system("vfs", magician).inSlot(Endpoint.VFS)));
            other.set(h.system("notvfs", magician));
            owner.set(h.system("owner", args -> {
                Trap t = Trap.current();
                ProcessGrants pg = GrantTables.open(t);
                long buf = pg.heap().malloc(LEN);
                pg.memory().write(buf, SafecopyTest.pattern(LEN), 0, LEN);
                assertEquals(OK, t.send(vfs.get(), msg(IDS, (int) buf)));
                assertEquals(OK, t.send(other.get(), msg(IDS, (int) buf)));
                Message m = new Message();
                assertEquals(OK, t.receive(grantee, m));
                byte[] got = new byte[16];
                pg.memory().read(buf, got, 0, 16);
                byte[] want = new byte[16];
                java.util.Arrays.fill(want, (byte) 0x5A);
                org.junit.jupiter.api.Assertions.assertArrayEquals(want, got, "VFS's magic grant wrote the owner");
            }));
            assertEquals(Endpoint.VFS, vfs.get());
            h.start();
            h.awaitOk(grantee, vfs.get(), other.get(), owner.get());
        }
    }

    /** The memory of a magic grant belongs to its who_from: once that process is gone, copies are ESRCH. */
    @Test
    void magicGrantOverADeadProcessIsEsrch() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger owner = new AtomicInteger();
            AtomicInteger vfs = new AtomicInteger();
            int grantee = h.system("grantee", args -> {
                Trap t = Trap.current();
                long local = GrantTables.open(t).heap().malloc(LEN);
                Message m = new Message();
                assertEquals(OK, t.receive(vfs.get(), m));
                int g = m.getInt(0);
                assertEquals(OK, Sys.safecopyFrom(t, vfs.get(), g, 0, local, LEN), "the owner is alive");
                assertEquals(OK, t.send(owner.get(), new Message(DONE)));
                for (int i = 0; i < 100 && Harness.rtsOfOrDead(t, owner.get()) != EINVAL; i++) {
                    Harness.sleepTicks(t, 1);
                }
                assertEquals(ESRCH, Sys.safecopyFrom(t, vfs.get(), g, 0, local, LEN));
                assertEquals(ESRCH, Sys.safecopyTo(t, vfs.get(), g, 0, local, LEN));
                assertEquals(ESRCH, Sys.safememset(t, vfs.get(), g, 0, 0, LEN));
                assertEquals(OK, t.send(vfs.get(), new Message(DONE)));
            });
            vfs.set(h.spawn(ProcessSpec.system("vfs", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(OK, t.receive(owner.get(), m));
                int g = GrantTables.open(t).grants().cpfGrantMagic(grantee, owner.get(), m.getInt(0), LEN,
                        CPF_READ | CPF_WRITE);
                assertEquals(OK, t.send(grantee, msg(IDS, g)));
                assertEquals(OK, t.receive(grantee, m));
            }).inSlot(Endpoint.VFS)));
            owner.set(h.system("owner", args -> {
                Trap t = Trap.current();
                long buf = GrantTables.open(t).heap().malloc(LEN);
                t.memory().fill(buf, LEN, (byte) 1);
                assertEquals(OK, t.send(vfs.get(), msg(IDS, (int) buf)));
                assertEquals(OK, t.receive(grantee, new Message()));
            }));
            h.start();
            h.awaitOk(grantee, vfs.get(), owner.get());
        }
    }
}
