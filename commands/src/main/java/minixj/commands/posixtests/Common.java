package minixj.commands.posixtests;

import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;
import minixj.lib.posix.PosixException;

/**
 * What MINIX's tests share (their common.c): a test counts errors with {@link #e} (each printed
 * as {@code Test N, subtest S, error E: why}), gives up after {@link #MAX_ERROR} of them, and ends
 * with {@link #quit}, which prints {@code Test N ok} or {@code Test N: K errors} and exits with 0
 * or 1.
 */
public final class Common {
    /** As MINIX's max_error: a test stops after this many errors. */
    public static final int MAX_ERROR = 5;

    public final Trap trap;
    public final Posix px;
    private final String name;
    private int subtest;
    private int errors;

    public Common(String name) {
        this.trap = Trap.current();
        this.px = new Posix(trap);
        this.name = name;
    }

    /** The subtest being run (it appears in error lines). */
    public void subtest(int n) {
        subtest = n;
    }

    /** Records error {@code n}; after too many the test ends. */
    public void e(int n) {
        e(n, "");
    }

    /** Records error {@code n} with an explanation. */
    public void e(int n, String why) {
        errors++;
        print("Test " + name + ", subtest " + subtest + ", error " + n + (why.isEmpty() ? "" : ": " + why) + "\n");
        if (errors >= MAX_ERROR) {
            print("Test " + name + ": too many errors; test aborted\n");
            px.exit(1);
        }
    }

    /** Checks {@code condition}; error {@code n} when false. */
    public void check(int n, boolean condition) {
        if (!condition) e(n);
    }

    /** Checks {@code condition}; error {@code n} with {@code why} when false. */
    public void check(int n, boolean condition, String why) {
        if (!condition) e(n, why);
    }

    /** The errno a call fails with, or 0 when it succeeds. */
    public static int errno(Runnable call) {
        try {
            call.run();
            return 0;
        } catch (PosixException ex) {
            return ex.errno();
        }
    }

    public int errors() {
        return errors;
    }

    /** Prints {@code ok} (exit 0) or the error count (exit 1), as MINIX's quit(). */
    public void quit() {
        if (errors == 0) {
            print("Test " + name + " ok\n");
            px.exit(0);
        }
        print("Test " + name + ": " + errors + " errors\n");
        px.exit(1);
    }

    /** Writes {@code text} to standard output (the kernel log until the console exists). */
    public void print(String text) {
        px.print(text);
    }
}
