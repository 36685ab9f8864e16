package minixj.commands.posixtests;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.mem.UserMemory;
import minixj.lib.posix.Memory;
import minixj.lib.posix.Posix;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX's test6: brk and sbrk. The break moves by any number of bytes and comes back exactly;
 * what the heap holds survives growth and shrinking below it; memory past the break is gone
 * (touching it is SIGSEGV); a break that cannot be had is ENOMEM and changes nothing.
 */
final class Test6 {
    static final int PAGE = Memory.PAGE_SIZE;

    private Test6() {
    }

    static void run(Common t, String[] args) {
        Memory mem = t.px.memory();
        UserMemory um = t.trap.memory();
        long base = mem.sbrk(0);

        t.subtest(1); // the break moves exactly, in small and odd steps
        t.check(1, mem.sbrk(0) == base, "sbrk(0) moved the break");
        long expected = base;
        for (int i = 0; i < 10; i++) {
            t.check(2, mem.sbrk(7 * i) == expected, "sbrk returned the wrong old break");
            expected += 7 * i;
        }
        for (int i = 9; i >= 0; i--) {
            t.check(3, mem.sbrk(-7 * i) == expected, "sbrk(-n) returned the wrong old break");
            expected -= 7 * i;
        }
        t.check(4, mem.sbrk(0) == base, "the break did not come back");
        mem.sbrk(30);
        mem.brk(base);
        t.check(5, mem.sbrk(0) == base, "brk did not set the break");
        mem.brk(base + 1);
        t.check(6, mem.sbrk(0) == base + 1, "brk(base + 1)");
        mem.brk(base + 3L * PAGE + 5);
        t.check(7, mem.sbrk(0) == base + 3L * PAGE + 5, "brk to an odd address");
        mem.brk(base);

        t.subtest(2); // contents survive growth and shrinking
        long start = mem.sbrk(3L * PAGE + 100);
        t.check(10, start == base, "sbrk returned the wrong old break");
        for (long a = start; a < start + 3L * PAGE + 100; a += 4) um.writeInt(a, (int) (a * 31));
        mem.sbrk(5L * PAGE);
        t.check(11, intact(um, start, start + 3L * PAGE + 100), "growth lost the contents");
        t.check(12, um.readInt(start + 7L * PAGE) == 0, "new heap memory is not zero");
        um.writeInt(start + 7L * PAGE, 77);
        mem.sbrk(-6L * PAGE); // the break goes below the last page written
        t.check(13, mem.sbrk(0) == start + 2L * PAGE + 100, "shrink moved the break wrongly");
        t.check(14, intact(um, start, start + 2L * PAGE + 100), "shrinking lost what lies below the break");
        mem.brk(base);

        t.subtest(3); // shrinking gives the pages back; what lies past the break is gone
        long used = mem.info().usedPages();
        mem.sbrk(8L * PAGE);
        for (int i = 0; i < 8; i++) um.writeInt(base + (long) i * PAGE, i + 1);
        t.check(20, mem.info().usedPages() == used + 8, "touching 8 heap pages did not use 8 frames");
        mem.brk(base + PAGE);
        t.check(21, mem.info().usedPages() == used + 1, "shrinking kept the pages");
        t.check(22, um.readInt(base) == 1, "the page below the break lost its value");
        int pid = t.px.fork(Toucher.class.getName(), Long.toString(base + 4L * PAGE));
        WaitStatus w = t.px.waitpid(pid, 0);
        t.check(23, w.signaled() && w.termSig() == Signals.SIGSEGV, "touching past the break: " + w);
        mem.brk(base);

        t.subtest(4); // breaks that cannot be had
        t.check(30, Common.errno(() -> mem.brk(base - PAGE)) == Errno.ENOMEM, "brk below the heap's start");
        t.check(31, Common.errno(() -> mem.sbrk(1L << 40)) == Errno.ENOMEM, "sbrk of a terabyte");
        t.check(32, mem.sbrk(0) == base, "a failed brk moved the break");
        // A mapping right above the heap stops it from growing into it.
        long fixed = base + 16L * PAGE;
        t.check(33, mem.mmap(fixed, PAGE, Memory.PROT_READ | Memory.PROT_WRITE,
                Memory.MAP_ANON | Memory.MAP_PRIVATE | Memory.MAP_FIXED) == fixed, "mmap above the heap");
        t.check(34, Common.errno(() -> mem.brk(base + 20L * PAGE)) == Errno.ENOMEM, "brk over a mapping");
        t.check(35, mem.sbrk(0) == base, "a failed brk moved the break");
        mem.brk(base + 16L * PAGE);
        t.check(36, mem.sbrk(0) == base + 16L * PAGE, "brk up to a mapping");
        mem.munmap(fixed, PAGE);
        mem.brk(base + 20L * PAGE);
        t.check(37, mem.sbrk(0) == base + 20L * PAGE, "brk where the mapping was");
        mem.brk(base);
    }

    private static boolean intact(UserMemory um, long from, long to) {
        for (long a = from; a + 4 <= to; a += 4) if (um.readInt(a) != (int) (a * 31)) return false;
        return true;
    }

    /** A child that reads the address in args[0] (past the break: it should die of SIGSEGV). */
    public static final class Toucher {
        private Toucher() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            Trap.current().memory().readInt(Long.parseLong(args[0]));
            px.exit(0);
        }
    }
}
