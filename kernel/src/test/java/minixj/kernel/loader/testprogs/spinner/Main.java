package minixj.kernel.loader.testprogs.spinner;

/** Test program: spins forever without calling anything. */
public final class Main {
    public static long count;

    private Main() {
    }

    public static void main(String[] args) {
        while (true) {
            count++;
        }
    }
}
