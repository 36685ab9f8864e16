package minixj.kernel.loader.testprogs.evil.forname;

/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        Class.forName("minixj.kernel.loader.ProgramLoader");
    }

}
