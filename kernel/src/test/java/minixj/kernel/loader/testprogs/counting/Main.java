package minixj.kernel.loader.testprogs.counting;

/** Test program: methods whose poll counts are known exactly. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
    }

    /** No loop, no handler: one poll (entry). */
    public static int straight(int x) {
        return x * 2 + 1;
    }

    /** Entry plus one back-edge per iteration. */
    public static int loop(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += i;
        }
        return sum;
    }

    /** Entry plus the handler's entry. */
    public static int catching() {
        try {
            throw new IllegalStateException("caught");
        } catch (IllegalStateException e) {
            return 1;
        }
    }

    /** Entry plus the constructor's entry (plus {@code <clinit>} the first time). */
    public static Object construct() {
        return new Counted();
    }

    static final class Counted {
        static final Object MARK = new Object();

        Counted() {
        }
    }
}
