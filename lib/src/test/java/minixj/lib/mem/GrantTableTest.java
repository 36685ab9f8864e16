package minixj.lib.mem;

import static minixj.lib.mem.GrantEntry.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantTableTest {
    private final ArrayMemory memory = new ArrayMemory(0x10000);
    private final Heap heap = new Heap(0x1000, 0x8000);
    private final List<long[]> registrations = new ArrayList<>();
    private final GrantTable grants = new GrantTable(memory, heap, (address, entries) -> {
        registrations.add(new long[] {address, entries});
        return 0;
    });

    private int flags(int id) {
        return memory.readInt(entryAddress(grants.tableAddress(), index(id)) + FLAGS);
    }

    private int field(int id, int offset) {
        return memory.readInt(entryAddress(grants.tableAddress(), index(id)) + offset);
    }

    @Test
    void firstGrantIsIdZeroAndRegistersThreeEntries() {
        assertEquals(0, grants.entries());
        int id = grants.cpfGrantDirect(42, 0x9000, 100, CPF_READ);
        assertEquals(0, id);
        assertEquals(1, registrations.size());
        assertEquals(3, registrations.get(0)[1]);
        assertEquals(grants.tableAddress(), registrations.get(0)[0]);
        assertEquals(CPF_READ | CPF_DIRECT | CPF_USED | CPF_VALID, flags(id));
        assertEquals(42, field(id, DIRECT_WHO_TO));
        assertEquals(0x9000, field(id, DIRECT_START));
        assertEquals(100, field(id, DIRECT_LEN));
        assertEquals(GRANT_INVALID, field(id, FAULTED));
        assertEquals(1, grants.cpfGrantDirect(42, 0x9000, 100, CPF_WRITE));
        assertEquals(2, grants.cpfGrantDirect(42, 0x9000, 100, CPF_WRITE));
    }

    @Test
    void growthKeepsOldIdsValid() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            ids.add(grants.cpfGrantDirect(7, 0x9000 + i, i + 1, CPF_READ));
        }
        for (int i = 0; i < 13; i++) {
            assertEquals(i, ids.get(i)); // ascending free list across growth
            assertTrue(grants.isLive(ids.get(i)));
            assertEquals(0x9000 + i, field(ids.get(i), DIRECT_START));
            assertEquals(i + 1, field(ids.get(i), DIRECT_LEN));
        }
        assertEquals(24, grants.entries());
        assertEquals(List.of(3L, 6L, 12L, 24L),
                registrations.stream().map(r -> r[1]).toList());
        // Old tables went back to the heap: only the current one is allocated.
        assertEquals(24L * ENTRY_SIZE, heap.sizeOf(grants.tableAddress()));
        assertEquals(0x8000 - 24L * ENTRY_SIZE, heap.freeBytes());
    }

    @Test
    void revokeReturnsSlotToFreeListHead() {
        int a = grants.cpfGrantDirect(7, 0x9000, 10, CPF_READ);
        int b = grants.cpfGrantDirect(7, 0x9000, 10, CPF_READ);
        int c = grants.cpfGrantDirect(7, 0x9000, 10, CPF_READ);
        assertEquals(0, grants.cpfRevoke(b));
        assertFalse(grants.isLive(b));
        assertEquals(0, flags(b));
        int b2 = grants.cpfGrantDirect(7, 0x9000, 10, CPF_READ);
        assertEquals(index(b), index(b2));
        assertEquals(1, sequence(b2));
        assertNotEquals(b, b2);
        assertTrue(grants.isLive(a) && grants.isLive(c) && grants.isLive(b2));
        assertEquals(-1, grants.cpfRevoke(b)); // stale id
        assertEquals(-1, grants.cpfRevoke(GRANT_INVALID));
        assertEquals(-1, grants.cpfRevoke(makeId(500, 0))); // beyond the table
    }

    @Test
    void sequenceWrapsAtElevenBits() {
        int id = grants.cpfGrantDirect(7, 0x9000, 10, CPF_READ);
        for (int i = 0; i < MAX_SEQ - 1; i++) {
            assertEquals(0, grants.cpfRevoke(id));
            id = grants.cpfGrantDirect(7, 0x9000, 10, CPF_READ);
        }
        assertEquals(MAX_SEQ - 1, sequence(id));
        grants.cpfRevoke(id);
        id = grants.cpfGrantDirect(7, 0x9000, 10, CPF_READ);
        assertEquals(0, id);
    }

    @Test
    void accessMustBeReadWriteTry() {
        assertEquals(GRANT_INVALID, grants.cpfGrantDirect(7, 0x9000, 10, CPF_USED));
        assertEquals(GRANT_INVALID, grants.cpfGrantMagic(7, 8, 0x9000, 10, CPF_VALID));
        assertEquals(GRANT_INVALID, grants.cpfGrantDirect(7, -1, 10, CPF_READ));
        assertEquals(0, grants.cpfGrantDirect(7, 0x9000, 10, CPF_READ | CPF_WRITE | CPF_TRY));
    }

    @Test
    void indirectAndMagicLayout() {
        int ind = grants.cpfGrantIndirect(5, 6, makeId(3, 9));
        assertEquals(CPF_INDIRECT | CPF_USED | CPF_VALID, flags(ind));
        assertEquals(5, field(ind, INDIRECT_WHO_TO));
        assertEquals(6, field(ind, INDIRECT_WHO_FROM));
        assertEquals(makeId(3, 9), field(ind, INDIRECT_GRANT));
        int mag = grants.cpfGrantMagic(5, 6, 0xABC0, 77, CPF_WRITE);
        assertEquals(CPF_WRITE | CPF_MAGIC | CPF_USED | CPF_VALID, flags(mag));
        assertEquals(6, field(mag, MAGIC_WHO_FROM));
        assertEquals(5, field(mag, MAGIC_WHO_TO));
        assertEquals(0xABC0, field(mag, MAGIC_START));
        assertEquals(77, field(mag, MAGIC_LEN));
    }

    @Test
    void revokeReportsFaultedTryGrant() {
        int tryId = grants.cpfGrantDirect(7, 0x9000, 10, CPF_READ | CPF_TRY);
        int plain = grants.cpfGrantDirect(7, 0x9000, 10, CPF_READ);
        // What the kernel does when a CPF_TRY copy faults.
        memory.writeInt(entryAddress(grants.tableAddress(), index(tryId)) + FAULTED, tryId);
        memory.writeInt(entryAddress(grants.tableAddress(), index(plain)) + FAULTED, plain);
        assertEquals(GRANT_FAULTED, grants.cpfRevoke(tryId));
        assertEquals(0, grants.cpfRevoke(plain)); // not CPF_TRY: the mark is ignored
        int again = grants.cpfGrantDirect(7, 0x9000, 10, CPF_READ | CPF_TRY);
        assertEquals(0, grants.cpfRevoke(again)); // the mark does not survive reuse
    }

    @Test
    void failuresLeaveTableUsable() {
        int[] answer = {0};
        GrantTable refusing = new GrantTable(memory, heap, (a, n) -> answer[0]);
        answer[0] = -22;
        assertEquals(GRANT_INVALID, refusing.cpfGrantDirect(1, 0x9000, 1, CPF_READ));
        assertEquals(0x8000, heap.freeBytes()); // the refused block went back
        answer[0] = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(i, refusing.cpfGrantDirect(1, 0x9000, 1, CPF_READ));
        }
        answer[0] = -22;
        assertEquals(GRANT_INVALID, refusing.cpfGrantDirect(1, 0x9000, 1, CPF_READ));
        assertTrue(refusing.isLive(0) && refusing.isLive(2));

        GrantTable starving = new GrantTable(memory, new Heap(0x1000, 3 * ENTRY_SIZE), (a, n) -> 0);
        for (int i = 0; i < 3; i++) {
            assertEquals(i, starving.cpfGrantDirect(1, 0x9000, 1, CPF_READ));
        }
        assertEquals(GRANT_INVALID, starving.cpfGrantDirect(1, 0x9000, 1, CPF_READ));
    }

    @Test
    void idHelpers() {
        assertEquals(0, makeId(0, 0));
        int id = makeId(0x12345, 0x7FF);
        assertEquals(0x12345, index(id));
        assertEquals(0x7FF, sequence(id));
        assertTrue(isValidId(id));
        assertFalse(isValidId(GRANT_INVALID));
    }
}
