package minixj.tests.programs.spinner;

/** A hostile program: spins forever without a kernel call. */
public final class Spinner {
    private Spinner() {
    }

    public static void main(String[] args) {
        long x = 0;
        while (true) {
            x++;
            if (x == Long.MIN_VALUE) break;
        }
    }
}
