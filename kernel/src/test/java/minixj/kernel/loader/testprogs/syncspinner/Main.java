package minixj.kernel.loader.testprogs.syncspinner;

/** Test program: spins in a synchronized block and swallows every Throwable. */
public final class Main {
    private static final Object LOCK = new Object();
    public static long count;
    public static long caught;

    private Main() {
    }

    public static void main(String[] args) {
        while (true) {
            try {
                synchronized (LOCK) {
                    step();
                }
            } catch (Throwable t) {
                caught++;
            }
        }
    }

    private static void step() {
        count++;
    }
}
