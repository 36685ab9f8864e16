package minixj.kernel.loader.testprogs.evil.kernel;
import minixj.kernel.loader.ProgramLoader;
/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        System.identityHashCode(new ProgramLoader());
    }

}
