package minixj.kernel.loader.testprogs.evil.file;
import java.io.File;
/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        System.identityHashCode(new File("/etc/passwd"));
    }

}
