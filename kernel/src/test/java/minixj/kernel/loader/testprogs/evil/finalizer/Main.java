package minixj.kernel.loader.testprogs.evil.finalizer;

/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        System.identityHashCode(new Main());
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    protected void finalize() {
    }
}
