package minixj.kernel.loader.testprogs.evil.parallel;
import java.util.ArrayList;
/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        System.identityHashCode(new ArrayList<String>().parallelStream().count());
    }

}
