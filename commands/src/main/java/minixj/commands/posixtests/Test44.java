package minixj.commands.posixtests;

import java.util.List;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.mem.UserMemory;
import minixj.lib.posix.Memory;
import minixj.lib.posix.Posix;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX's test44: mmap at fixed addresses, and fork. Mappings land exactly where MAP_FIXED asks
 * and replace what was there; private mappings are copied at fork (each side keeps its own
 * writes), shared ones stay shared (each side sees the other's writes, also on pages first
 * touched after the fork); protections and partial munmap hold in the child too.
 */
final class Test44 {
    static final int PAGE = Memory.PAGE_SIZE;
    static final int RW = Memory.PROT_READ | Memory.PROT_WRITE;
    static final int PRIVATE_FIXED = Memory.MAP_ANON | Memory.MAP_PRIVATE | Memory.MAP_FIXED;
    static final int SHARED_FIXED = Memory.MAP_ANON | Memory.MAP_SHARED | Memory.MAP_FIXED;
    /** Fixed places: in the mmap area, and below it (above the heap). */
    static final List<Long> PLACES = List.of(0x5000_0000L, 0x5000_3000L, 0x6123_4000L, 0x2000_0000L);
    static final long PRIV = 0x5800_0000L;
    static final long SHARED = 0x5900_0000L;
    /** Values the two sides write to the shared page to hand the turn over. */
    static final int PARENT_FIRST = 1;
    static final int CHILD_SAW = 2;
    static final int PARENT_SAW = 3;
    static final int CHILD_VALUE = 0x0C41_1D;
    static final int PARENT_VALUE = 0x0BA5_E;
    static final long SPIN_LIMIT = 1_000_000L;

    private Test44() {
    }

    static void run(Common t, String[] args) {
        Memory mem = t.px.memory();
        UserMemory um = t.trap.memory();

        t.subtest(1); // mappings at fixed addresses
        for (int i = 0; i < PLACES.size(); i++) {
            long a = mem.mmap(PLACES.get(i), 2 * PAGE, RW, PRIVATE_FIXED);
            t.check(1, a == PLACES.get(i), "MAP_FIXED at 0x" + Long.toHexString(PLACES.get(i)) + " gave 0x" + Long.toHexString(a));
            t.check(2, um.readInt(a + PAGE) == 0, "fresh anonymous memory is not zero");
            um.writeInt(a, 100 + i);
            um.writeInt(a + PAGE, 200 + i);
        }
        for (int i = 0; i < PLACES.size(); i++) {
            t.check(3, um.readInt(PLACES.get(i)) == 100 + i && um.readInt(PLACES.get(i) + PAGE) == 200 + i,
                    "mapping " + i + " lost its values");
        }
        // A fixed mapping over the second page of the first: that page is new, the first stays.
        t.check(4, mem.mmap(PLACES.getFirst() + PAGE, PAGE, RW, PRIVATE_FIXED) == PLACES.getFirst() + PAGE, "MAP_FIXED over a mapping");
        t.check(5, um.readInt(PLACES.getFirst() + PAGE) == 0, "MAP_FIXED did not replace the old page");
        t.check(6, um.readInt(PLACES.getFirst()) == 100, "MAP_FIXED disturbed the page next to it");
        // A hint is only a hint, but a free one is taken.
        long hint = 0x7000_0000L;
        t.check(7, mem.mmap(hint, PAGE, RW, Memory.MAP_ANON | Memory.MAP_PRIVATE) == hint, "a free hint");
        long moved = mem.mmap(hint, PAGE, RW, Memory.MAP_ANON | Memory.MAP_PRIVATE);
        t.check(8, moved != hint && moved % PAGE == 0, "a taken hint gave 0x" + Long.toHexString(moved));
        // Bad requests.
        t.check(9, Common.errno(() -> mem.mmap(PLACES.getFirst() + 1, PAGE, RW, PRIVATE_FIXED)) == Errno.EINVAL, "unaligned MAP_FIXED");
        t.check(10, Common.errno(() -> mem.mmap(0, 0, RW, Memory.MAP_ANON | Memory.MAP_PRIVATE)) == Errno.EINVAL, "length 0");
        t.check(11, Common.errno(() -> mem.mmap(0, PAGE, RW, Memory.MAP_ANON)) == Errno.EINVAL, "neither private nor shared");
        t.check(12, Common.errno(() -> mem.mmap(0, PAGE, RW, Memory.MAP_ANON | Memory.MAP_PRIVATE | Memory.MAP_SHARED))
                == Errno.EINVAL, "both private and shared");
        t.check(13, Common.errno(() -> mem.munmap(PLACES.getFirst() + 1, PAGE)) == Errno.EINVAL, "unaligned munmap");
        t.check(14, Common.errno(() -> mem.mmap(0, 1L << 40, RW, Memory.MAP_ANON | Memory.MAP_PRIVATE)) == Errno.ENOMEM,
                "a terabyte");
        for (long a : PLACES) mem.munmap(a, 2 * PAGE);

        t.subtest(2); // fork: private copied, shared shared
        mem.mmap(PRIV, 2 * PAGE, RW, PRIVATE_FIXED);
        mem.mmap(SHARED, 2 * PAGE, RW, SHARED_FIXED);
        um.writeInt(PRIV, PARENT_VALUE);
        um.writeInt(SHARED, PARENT_FIRST);
        // PRIV + PAGE and SHARED + PAGE stay untouched until after the fork.
        int pid = t.px.fork(Child.class.getName());
        boolean turn = spinUntil(t.px, um, SHARED, CHILD_SAW);
        t.check(20, turn, "the child's write to the shared page never showed");
        t.check(21, um.readInt(PRIV) == PARENT_VALUE, "the child's private write showed in the parent");
        t.check(22, um.readInt(SHARED + 4) == CHILD_VALUE, "the child's shared write is not here");
        um.writeInt(SHARED + 8, PARENT_VALUE);
        um.writeInt(SHARED, PARENT_SAW);
        WaitStatus w = t.px.waitpid(pid, 0);
        t.check(23, w.exited() && w.exitStatus() == 0, "the child found errors: " + w);
        t.check(24, um.readInt(SHARED + PAGE) == CHILD_VALUE, "a shared page first touched by the child after fork");
        t.check(25, um.readInt(PRIV + PAGE) == 0, "a private page first touched by the child after fork");
        mem.munmap(PRIV, 2 * PAGE);
        mem.munmap(SHARED, 2 * PAGE);

        t.subtest(3); // protections and holes, seen by children that touch them
        long ro = mem.mmap(0, PAGE, Memory.PROT_READ, Memory.MAP_ANON | Memory.MAP_PRIVATE);
        t.check(30, um.readInt(ro) == 0, "a read-only page does not read as zero");
        t.check(31, diesOfSigsegv(t, ro, true), "writing a read-only page");
        long none = mem.mmap(0, PAGE, Memory.PROT_NONE, Memory.MAP_ANON | Memory.MAP_PRIVATE);
        t.check(32, diesOfSigsegv(t, none, false), "reading a PROT_NONE page");
        long four = mem.mmap(0, 4 * PAGE, RW, Memory.MAP_ANON | Memory.MAP_PRIVATE);
        for (int i = 0; i < 4; i++) um.writeInt(four + (long) i * PAGE, i + 1);
        mem.munmap(four + PAGE, PAGE);
        t.check(33, um.readInt(four) == 1 && um.readInt(four + 2L * PAGE) == 3 && um.readInt(four + 3L * PAGE) == 4,
                "a partial munmap disturbed the pages around the hole");
        t.check(34, diesOfSigsegv(t, four + PAGE, false), "reading an unmapped page");
        mem.munmap(four, 4 * PAGE);
        t.check(35, diesOfSigsegv(t, four + 3L * PAGE, false), "reading after munmap of the rest");
    }

    /**
     * Waits until {@code address} holds {@code value}, making a system call each round so the
     * other process gets the processor (reading memory alone never enters the kernel).
     */
    static boolean spinUntil(Posix px, UserMemory um, long address, int value) {
        for (long i = 0; i < SPIN_LIMIT; i++) {
            if (um.readInt(address) == value) return true;
            px.getpid();
        }
        return false;
    }

    /** True if a child touching {@code address} (writing if {@code write}) is killed by SIGSEGV. */
    private static boolean diesOfSigsegv(Common t, long address, boolean write) {
        int pid = t.px.fork(Toucher.class.getName(), Long.toString(address), Boolean.toString(write));
        WaitStatus w = t.px.waitpid(pid, 0);
        return w.signaled() && w.termSig() == Signals.SIGSEGV;
    }

    /** The child of subtest 2: checks what it inherited, writes, hands the turn back; exit 0 = all fine. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            UserMemory um = Trap.current().memory();
            int errors = 0;
            if (um.readInt(PRIV) != PARENT_VALUE) errors |= 1;
            if (um.readInt(SHARED) != PARENT_FIRST) errors |= 2;
            um.writeInt(PRIV, CHILD_VALUE); // private: the parent keeps its value
            um.writeInt(PRIV + PAGE, CHILD_VALUE);
            um.writeInt(SHARED + PAGE, CHILD_VALUE); // shared, absent at fork: the parent sees it
            um.writeInt(SHARED + 4, CHILD_VALUE);
            um.writeInt(SHARED, CHILD_SAW);
            if (!spinUntil(px, um, SHARED, PARENT_SAW)) errors |= 4;
            if (um.readInt(SHARED + 8) != PARENT_VALUE) errors |= 8;
            if (um.readInt(PRIV) != CHILD_VALUE) errors |= 16;
            px.exit(errors);
        }
    }

    /** Touches args[0] (writes if args[1] is true); expected to die of SIGSEGV. */
    public static final class Toucher {
        private Toucher() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            long address = Long.parseLong(args[0]);
            if (Boolean.parseBoolean(args[1])) Trap.current().memory().writeInt(address, 1);
            else Trap.current().memory().readInt(address);
            px.exit(0);
        }
    }
}
