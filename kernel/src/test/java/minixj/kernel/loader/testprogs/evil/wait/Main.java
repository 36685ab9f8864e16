package minixj.kernel.loader.testprogs.evil.wait;

/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        new Main().block();
    }

    synchronized void block() throws InterruptedException {
        wait();
    }
}
