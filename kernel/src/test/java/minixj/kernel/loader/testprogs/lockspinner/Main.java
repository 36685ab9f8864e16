package minixj.kernel.loader.testprogs.lockspinner;

/** Test program: spins forever while holding a monitor. */
public final class Main {
    public static final Object LOCK = new Object();
    public static long count;

    private Main() {
    }

    public static void main(String[] args) {
        synchronized (LOCK) {
            while (true) {
                count++;
            }
        }
    }
}
