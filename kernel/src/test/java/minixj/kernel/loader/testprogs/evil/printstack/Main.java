package minixj.kernel.loader.testprogs.evil.printstack;

/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        new IllegalStateException().printStackTrace();
    }

}
