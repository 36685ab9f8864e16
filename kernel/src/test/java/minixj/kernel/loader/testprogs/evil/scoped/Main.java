package minixj.kernel.loader.testprogs.evil.scoped;
import minixj.lib.ipc.Trap;
/** Test program the verifier must refuse. */
public final class Main {
    public static void main(String[] args) throws Exception {
        ScopedValue.where(Trap.CURRENT, null).run(() -> { });
    }

}
