package minixj.tests.programs.catcher;

/** A hostile program: spins forever and tries to swallow anything thrown at it. */
public final class Catcher {
    private Catcher() {
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
