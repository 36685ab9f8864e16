package minixj.commands.posixtests;

import java.util.ArrayList;
import java.util.List;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.mem.UserMemory;
import minixj.lib.posix.Memory;
import minixj.lib.posix.Posix;
import minixj.lib.posix.PosixException;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX's test64: an ordinary process running out of memory. mmap and brk say ENOMEM when the
 * memory is not there and the process goes on; memory it was given can all be used; a child that
 * takes everything and then touches more is killed, its parent learns so from waitpid, and every
 * frame comes back.
 */
final class Test64 {
    static final int PAGE = Memory.PAGE_SIZE;
    static final int RW = Memory.PROT_READ | Memory.PROT_WRITE;
    static final int ANON = Memory.MAP_ANON | Memory.MAP_PRIVATE;
    static final List<Long> CHUNKS = List.of(1L << 20, 64L << 10, (long) PAGE);

    private Test64() {
    }

    /** Maps chunks until ENOMEM; returns the mappings as {address, length} pairs. */
    static List<long[]> mapAll(Memory mem) {
        List<long[]> maps = new ArrayList<>();
        for (long chunk : CHUNKS) {
            while (true) {
                try {
                    maps.add(new long[] {mem.mmap(0, chunk, RW, ANON), chunk});
                } catch (PosixException ex) {
                    if (ex.errno() != Errno.ENOMEM) throw ex;
                    break;
                }
            }
        }
        return maps;
    }

    static long pages(List<long[]> maps) {
        long n = 0;
        for (long[] m : maps) n += m[1] / PAGE;
        return n;
    }

    static void run(Common t, String[] args) {
        Memory mem = t.px.memory();
        UserMemory um = t.trap.memory();
        // A first child lets PM and the rest settle, so the frame counts below compare like with like.
        t.px.waitpid(t.px.fork(Quiet.class.getName()), 0);

        t.subtest(1); // ENOMEM, and life goes on
        t.check(1, Common.errno(() -> mem.mmap(0, 3L << 30, RW, ANON)) == Errno.ENOMEM, "3 GiB at once");
        List<long[]> maps = mapAll(mem);
        long got = pages(maps);
        t.check(2, got > 1000, "only " + got + " pages could be mapped");
        t.check(3, Common.errno(() -> mem.mmap(0, PAGE, RW, ANON)) == Errno.ENOMEM, "one more page");
        long brk = mem.sbrk(0);
        t.check(4, Common.errno(() -> mem.sbrk(PAGE)) == Errno.ENOMEM, "sbrk with no memory left");
        t.check(5, mem.sbrk(0) == brk, "a failed sbrk moved the break");
        t.check(6, t.px.getpid() == 1, "the process cannot go on");
        // Everything given is usable: touch a page of every mapping.
        for (long[] m : maps) um.writeInt(m[0] + m[1] - PAGE, (int) m[0]);
        boolean intact = true;
        for (long[] m : maps) intact &= um.readInt(m[0] + m[1] - PAGE) == (int) m[0];
        t.check(7, intact, "mapped memory did not keep its values");
        for (long[] m : maps) mem.munmap(m[0], m[1]);
        // Given back: the same amount can be had again, and the heap can grow.
        List<long[]> again = mapAll(mem);
        t.check(8, pages(again) == got, "after munmap " + pages(again) + " pages instead of " + got);
        for (long[] m : again) mem.munmap(m[0], m[1]);
        mem.sbrk(16L * PAGE);
        um.writeInt(brk + 15L * PAGE, 15);
        t.check(9, um.readInt(brk + 15L * PAGE) == 15, "the heap after ENOMEM");
        mem.brk(brk);

        t.subtest(2); // a child that takes everything and touches more is killed
        long free = mem.info().freeFrames();
        int pid = t.px.fork(Hog.class.getName());
        WaitStatus w = t.px.waitpid(pid, 0);
        t.check(20, w.pid() == pid && w.signaled() && w.termSig() == Signals.SIGSEGV, "the hog ended with " + w);
        t.check(21, mem.info().freeFrames() == free, "frames not back: " + mem.info().freeFrames() + " of " + free);
        List<long[]> after = mapAll(mem);
        t.check(22, pages(after) == got, "after the hog " + pages(after) + " pages instead of " + got);
        for (long[] m : after) mem.munmap(m[0], m[1]);
    }

    /** Exits at once. */
    public static final class Quiet {
        private Quiet() {
        }

        public static void main(String[] args) {
            new Posix(Trap.current()).exit(0);
        }
    }

    /** Maps all there is, uses it, then touches fresh pages of its initial region until it dies. */
    public static final class Hog {
        private Hog() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            UserMemory um = Trap.current().memory();
            for (long[] m : mapAll(px.memory())) {
                for (long a = m[0]; a < m[0] + m[1]; a += PAGE) um.writeInt(a, 1);
            }
            // Nothing is left for memory it was not promised; the initial region was never touched this far in.
            for (long a = MemoryLayout.INITIAL_REGION_BASE + (8L << 20); a < Posix.ARGS_ADDRESS; a += PAGE) {
                um.writeInt(a, 2);
            }
            px.exit(0);
        }
    }
}
