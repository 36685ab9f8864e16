package minixj.kernel.loader.testprogs.evil.lookup;
import java.lang.invoke.MethodHandles; import java.lang.invoke.MethodType;
/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        MethodHandles.lookup().findStatic(Main.class, "main", MethodType.methodType(void.class, String[].class));
    }

}
