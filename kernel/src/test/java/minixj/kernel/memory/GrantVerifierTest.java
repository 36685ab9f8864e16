package minixj.kernel.memory;

import static minixj.kernel.memory.GrantWorld.BUFFER;
import static minixj.lib.ipc.Errno.*;
import static minixj.lib.mem.GrantEntry.*;
import static org.junit.jupiter.api.Assertions.*;

import minixj.kernel.memory.GrantWorld.Proc;
import minixj.lib.ipc.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The library's GrantTable writes entries into a process's simulated memory; the kernel's
 * GrantVerifier reads them back through the page table. Every test here crosses that boundary,
 * so the shared layout (GrantEntry) is checked from both sides.
 */
class GrantVerifierTest {
    private final GrantWorld world = new GrantWorld();
    private final Proc a = world.spawn(3, 20);
    private final Proc b = world.spawn(1, 21);
    private final Proc c = world.spawn(1, 22);

    @AfterEach
    void close() {
        world.close();
    }

    private GrantResult verify(Proc granter, Proc grantee, int id, long bytes, int access, long offset) {
        return world.verifier.verify(granter.endpoint, grantee.endpoint, id, bytes, access, offset);
    }

    @Test
    void directGrantAllowsTheGranteeAndLocatesTheBytes() {
        byte[] text = "hello, grant".getBytes();
        a.memory.write(BUFFER, text, 0, text.length);
        int id = a.grants.cpfGrantDirect(b.endpoint, BUFFER, 100, CPF_READ | CPF_WRITE);
        assertEquals(0, id);

        GrantResult r = verify(a, b, id, 100, CPF_READ, 0);
        assertEquals(OK, r.status());
        assertEquals(a.endpoint, r.endpoint());
        assertEquals(BUFFER, r.address());
        assertEquals(CPF_READ | CPF_WRITE | CPF_DIRECT | CPF_USED | CPF_VALID, r.flags());

        r = verify(a, b, id, 5, CPF_READ | CPF_WRITE, 7);
        assertEquals(BUFFER + 7, r.address());
        // What safecopyfrom would then do with the verdict.
        b.memory.fill(BUFFER, 1, (byte) 0); // fault in b's buffer page
        CopyResult copy = world.mmu.copy(world.pageTable(r.endpoint()), r.address(),
                b.pageTable, BUFFER, 5);
        assertTrue(copy.ok());
        byte[] got = new byte[5];
        b.memory.read(BUFFER, got, 0, 5);
        assertEquals("grant", new String(got));

        assertTrue(verify(a, b, id, 0, 0, 100).ok()); // empty access at the very end
    }

    @Test
    void wrongGranteeMissingRightAndRangeAreRefused() {
        int id = a.grants.cpfGrantDirect(b.endpoint, BUFFER, 100, CPF_READ);
        assertEquals(EPERM, verify(a, c, id, 10, CPF_READ, 0).status());
        assertEquals(EPERM, verify(a, b, id, 10, CPF_WRITE, 0).status());
        assertEquals(EPERM, verify(a, b, id, 10, CPF_READ | CPF_WRITE, 0).status());
        assertEquals(EPERM, verify(a, b, id, 101, CPF_READ, 0).status());
        assertEquals(EPERM, verify(a, b, id, 10, CPF_READ, 91).status());
        assertEquals(OK, verify(a, b, id, 10, CPF_READ, 90).status());
        // offset + bytes wraps in 32 bits (MINIX's overflow check) and in 64 bits.
        assertEquals(EPERM, verify(a, b, id, 2, CPF_READ, 0xFFFF_FFFFL).status());
        assertEquals(EPERM, verify(a, b, id, Long.MAX_VALUE, CPF_READ, Long.MAX_VALUE).status());
        assertEquals(EPERM, verify(a, b, id, -1, CPF_READ, 0).status());
    }

    @Test
    void grantRangeThatWrapsIsRefused() {
        int id = a.grants.cpfGrantDirect(b.endpoint, 0xFFFF_F000L, 0x2000, CPF_READ);
        assertEquals(EPERM, verify(a, b, id, 1, CPF_READ, 0).status());
        int ok = a.grants.cpfGrantDirect(b.endpoint, 0xFFFF_F000L, 0x1000, CPF_READ);
        assertEquals(0xFFFF_FFFFL, verify(a, b, ok, 1, CPF_READ, 0xFFF).address());
    }

    @Test
    void revokedAndStaleIdsAreRefused() {
        int id = a.grants.cpfGrantDirect(b.endpoint, BUFFER, 100, CPF_READ);
        assertEquals(0, a.grants.cpfRevoke(id));
        assertEquals(EPERM, verify(a, b, id, 1, CPF_READ, 0).status());

        int reissued = a.grants.cpfGrantDirect(b.endpoint, BUFFER + 8, 100, CPF_READ);
        assertEquals(index(id), index(reissued)); // same slot, next sequence
        assertNotEquals(id, reissued);
        assertEquals(EPERM, verify(a, b, id, 1, CPF_READ, 0).status());
        GrantResult r = verify(a, b, reissued, 1, CPF_READ, 0);
        assertEquals(OK, r.status());
        assertEquals(BUFFER + 8, r.address());
    }

    @Test
    void grantsSurviveTableGrowth() {
        int[] ids = new int[20];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = a.grants.cpfGrantDirect(b.endpoint, BUFFER + i, i + 1, CPF_WRITE);
        }
        assertEquals(24, world.grantTable(a.endpoint).entries());
        for (int i = 0; i < ids.length; i++) {
            GrantResult r = verify(a, b, ids[i], i + 1, CPF_WRITE, 0);
            assertEquals(OK, r.status(), "grant " + i);
            assertEquals(BUFFER + i, r.address());
        }
        assertEquals(EPERM, verify(a, b, makeId(24, 0), 1, 0, 0).status()); // index >= entries
    }

    /** Builds p0 -direct-> p1 -indirect-> p2 ... -indirect-> p(hops+1); returns the last id. */
    private int chain(Proc[] p, int hops) {
        int id = p[0].grants.cpfGrantDirect(p[1].endpoint, BUFFER, 64, CPF_READ);
        for (int i = 1; i <= hops; i++) {
            id = p[i].grants.cpfGrantIndirect(p[i + 1].endpoint, p[i - 1].endpoint, id);
        }
        return id;
    }

    private Proc[] procs(int n) {
        Proc[] p = new Proc[n];
        for (int i = 0; i < n; i++) {
            p[i] = world.spawn(0, 100 + i);
        }
        return p;
    }

    @Test
    void indirectChainsUpToFiveHops() {
        Proc[] p = procs(8);
        for (int hops = 1; hops <= GrantVerifier.MAX_INDIRECT_DEPTH; hops++) {
            int id = chain(p, hops);
            GrantResult r = world.verifier.verify(p[hops].endpoint, p[hops + 1].endpoint, id,
                    64, CPF_READ, 0);
            assertEquals(OK, r.status(), hops + " hops");
            assertEquals(p[0].endpoint, r.endpoint());
            assertEquals(BUFFER, r.address());
            // The original grant's rights apply at the end of the chain.
            assertEquals(EPERM, world.verifier.verify(p[hops].endpoint, p[hops + 1].endpoint, id,
                    64, CPF_WRITE, 0).status());
        }
        int id = chain(p, 6);
        assertEquals(ELOOP, world.verifier.verify(p[6].endpoint, p[7].endpoint, id, 1, CPF_READ, 0)
                .status());
    }

    @Test
    void indirectGrantChecksEveryGrantee() {
        Proc[] p = procs(3);
        int id = chain(p, 1);
        assertEquals(EPERM, world.verifier.verify(p[1].endpoint, c.endpoint, id, 1, CPF_READ, 0)
                .status());
        // p1 forwarding a grant that was not given to it: p0's direct grant names p1, so a
        // forward by c (who received nothing) fails at the inner hop.
        int direct = p[0].grants.cpfGrantDirect(p[1].endpoint, BUFFER, 64, CPF_READ);
        int forged = c.grants.cpfGrantIndirect(p[2].endpoint, p[0].endpoint, direct);
        assertEquals(EPERM, world.verifier.verify(c.endpoint, p[2].endpoint, forged, 1, CPF_READ, 0)
                .status());
        // A loop of indirect grants ends in ELOOP, not a hang.
        int self = c.grants.cpfGrantIndirect(c.endpoint, c.endpoint, makeId(1, 0));
        assertEquals(1, self);
        assertEquals(ELOOP, world.verifier.verify(c.endpoint, c.endpoint, self, 1, CPF_READ, 0)
                .status());
    }

    @Test
    void magicGrantsOnlyFromVfsOrMib() {
        Proc user = a;
        Proc fs = b;
        Proc vfs = world.spawn(Endpoint.VFS);
        byte[] text = "user data".getBytes();
        user.memory.write(BUFFER + 0x123, text, 0, text.length);

        int forged = c.grants.cpfGrantMagic(fs.endpoint, user.endpoint, BUFFER, 0x1000, CPF_READ);
        assertEquals(EPERM, verify(c, fs, forged, 1, CPF_READ, 0).status());

        int id = vfs.grants.cpfGrantMagic(fs.endpoint, user.endpoint, BUFFER, 0x1000, CPF_READ);
        GrantResult r = verify(vfs, fs, id, 9, CPF_READ, 0x123);
        assertEquals(OK, r.status());
        assertEquals(user.endpoint, r.endpoint()); // the memory is the user's, not VFS's
        assertEquals(BUFFER + 0x123, r.address());
        byte[] got = new byte[9];
        assertTrue(world.mmu.read(world.pageTable(r.endpoint()), r.address(), got, 0, 9).ok());
        assertEquals("user data", new String(got));

        assertEquals(EPERM, verify(vfs, c, id, 1, CPF_READ, 0).status());
        assertEquals(EPERM, verify(vfs, fs, id, 1, CPF_WRITE, 0).status());
        assertEquals(EPERM, verify(vfs, fs, id, 2, CPF_READ, 0xFFF).status());

        Proc mib = world.spawn(Endpoint.MIB);
        int fromMib = mib.grants.cpfGrantMagic(fs.endpoint, user.endpoint, BUFFER, 16, CPF_WRITE);
        assertEquals(OK, verify(mib, fs, fromMib, 16, CPF_WRITE, 0).status());
    }

    @Test
    void anyOnEitherSide() {
        int toAny = a.grants.cpfGrantDirect(Endpoint.ANY, BUFFER, 10, CPF_READ);
        assertEquals(OK, verify(a, c, toAny, 10, CPF_READ, 0).status());
        int toB = a.grants.cpfGrantDirect(b.endpoint, BUFFER, 10, CPF_READ);
        assertEquals(OK, world.verifier.verify(a.endpoint, Endpoint.ANY, toB, 10, CPF_READ, 0)
                .status());
    }

    @Test
    void badGranterOrId() {
        int id = a.grants.cpfGrantDirect(b.endpoint, BUFFER, 10, CPF_READ);
        world.dead.add(a.endpoint);
        assertEquals(EINVAL, verify(a, b, id, 1, CPF_READ, 0).status());
        world.dead.clear();
        assertEquals(EINVAL, world.verifier.verify(Endpoint.make(4, 20), b.endpoint, id, 1,
                CPF_READ, 0).status()); // a later generation of a's slot that does not exist
        assertEquals(EINVAL, verify(a, b, GRANT_INVALID, 1, CPF_READ, 0).status());
        assertEquals(EINVAL, verify(a, b, Integer.MIN_VALUE, 1, CPF_READ, 0).status());
        assertEquals(EPERM, verify(c, b, 0, 1, CPF_READ, 0).status()); // c has no table
    }

    @Test
    void tableOfAnOlderEndpointDuringLiveUpdate() {
        int id = a.grants.cpfGrantDirect(b.endpoint, BUFFER, 10, CPF_READ);
        GrantTableInfo own = world.grantTable(a.endpoint);
        int older = Endpoint.make(2, 20);
        world.tables.put(a.endpoint, new GrantTableInfo(own.address(), own.entries(), older));

        GrantResult probe = verify(a, b, id, 10, 0, 0);
        assertEquals(OK, probe.status());
        assertEquals(GrantResult.NO_ADDRESS, probe.address());
        assertEquals(OK, verify(a, b, makeId(999, 7), 1, 0, 0).status()); // even a bogus id
        assertEquals(ENOTREADY, verify(a, b, id, 10, CPF_READ, 0).status());
        // The endpoint the table belongs to still gets the normal checks.
        assertEquals(EPERM, world.verifier.verify(a.endpoint, older, id, 10, CPF_READ, 0).status());
        int toOlder = a.grants.cpfGrantDirect(older, BUFFER, 10, CPF_READ);
        world.tables.put(a.endpoint, new GrantTableInfo(own.address(), own.entries(), older));
        assertEquals(OK, world.verifier.verify(a.endpoint, older, toOlder, 10, CPF_READ, 0).status());
        // No table at all yet.
        world.tables.put(a.endpoint, new GrantTableInfo(0, 0, older));
        assertEquals(ENOTREADY, world.verifier.verify(a.endpoint, older, toOlder, 1, CPF_READ, 0)
                .status());
    }

    @Test
    void unreadableEntryIsEfault() {
        a.grants.cpfGrantDirect(b.endpoint, BUFFER, 10, CPF_READ);
        GrantTableInfo own = world.grantTable(a.endpoint);
        world.tables.put(a.endpoint, new GrantTableInfo(0x7000_0000L, own.entries(), a.endpoint));
        assertEquals(EFAULT, verify(a, b, 0, 1, CPF_READ, 0).status());
        // An entry straddling the end of the address space.
        world.tables.put(a.endpoint, new GrantTableInfo(0xFFFF_FFF0L, 1, a.endpoint));
        assertEquals(EFAULT, verify(a, b, 0, 1, CPF_READ, 0).status());
    }

    @Test
    void faultedTryGrantIsReportedOnRevoke() {
        int tryId = a.grants.cpfGrantDirect(b.endpoint, BUFFER, 10, CPF_READ | CPF_TRY);
        GrantResult r = verify(a, b, tryId, 10, CPF_READ, 0);
        assertNotEquals(0, r.flags() & CPF_TRY);
        assertEquals(OK, world.verifier.markFaulted(a.endpoint, tryId));
        assertEquals(GRANT_FAULTED, a.grants.cpfRevoke(tryId));
        int plain = a.grants.cpfGrantDirect(b.endpoint, BUFFER, 10, CPF_READ);
        assertEquals(OK, world.verifier.markFaulted(a.endpoint, plain));
        assertEquals(0, a.grants.cpfRevoke(plain));
        assertEquals(EPERM, world.verifier.markFaulted(c.endpoint, 0));
    }
}
