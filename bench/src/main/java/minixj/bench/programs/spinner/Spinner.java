package minixj.bench.programs.spinner;

/** A runaway program for the kill benchmark: it spins without a kernel call and swallows Throwable. */
public final class Spinner {
    private Spinner() {
    }

    public static void main(String[] args) {
        long x = 0;
        while (true) {
            try {
                while (true) {
                    x++;
                }
            } catch (Throwable t) {
                x--;
            }
        }
    }
}
