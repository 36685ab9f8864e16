package minixj.kernel.loader;

import java.util.concurrent.Callable;
import minixj.lib.ipc.Trap;

/** Packs the test programs under {@code minixj.kernel.loader.testprogs} and runs code as a process would. */
final class TestPrograms {
    static final String BASE = "minixj.kernel.loader.testprogs.";

    private TestPrograms() {
    }

    /** The image of test program {@code name} (a package under testprogs), main class {@code Main}. */
    static JarImage image(String name) {
        return JarImage.fromClasspath(TestPrograms.class.getClassLoader(), BASE + name, BASE + name + ".Main");
    }

    /** Code that may throw anything, as program code may. */
    @FunctionalInterface
    interface Body {
        void run() throws Throwable;
    }

    /** Runs {@code body} with {@code trap} bound as the current process's trap. */
    static <T> T asProcess(Trap trap, Callable<T> body) throws Exception {
        return ScopedValue.where(Trap.CURRENT, trap).call(body::call);
    }
}
