package minixj.kernel.loader.testprogs.evil.exit;

/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        System.exit(1);
    }

}
