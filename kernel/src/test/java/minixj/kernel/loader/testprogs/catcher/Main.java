package minixj.kernel.loader.testprogs.catcher;

/** Test program: spins forever and swallows every Throwable it sees. */
public final class Main {
    public static long count;
    public static long caught;

    private Main() {
    }

    @SuppressWarnings("InfiniteLoopStatement")
    public static void main(String[] args) {
        while (true) {
            try {
                step();
            } catch (Throwable t) {
                caught++;
            }
        }
    }

    private static void step() {
        count++;
    }
}
