package minixj.kernel.loader.testprogs.evil.time;

/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        System.identityHashCode(System.currentTimeMillis());
    }

}
