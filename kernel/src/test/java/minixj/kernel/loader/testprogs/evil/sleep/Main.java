package minixj.kernel.loader.testprogs.evil.sleep;

/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        Thread.sleep(10);
    }

}
