package minixj.kernel.loader;

import java.lang.invoke.MethodHandle;

/**
 * A program ready to run: its main class, defined by a fresh {@link ProcessClassLoader}, and a
 * handle on its {@code public static void main(String[])}. The caller decides on which thread
 * (the process's) and with which {@code Trap} bound to run it.
 */
public final class LoadedProgram {
    private final String name;
    private final Class<?> mainClass;
    private final MethodHandle main;

    LoadedProgram(String name, Class<?> mainClass, MethodHandle main) {
        this.name = name;
        this.mainClass = mainClass;
        this.main = main;
    }

    /** The program's name, from its image. */
    public String name() {
        return name;
    }

    /** The main class; its loader is this process's {@link ProcessClassLoader}. */
    public Class<?> mainClass() {
        return mainClass;
    }

    /**
     * Runs {@code main(args)} on the calling thread. Whatever main throws is thrown as is (no
     * reflective wrapping). A kill's error usually arrives unchanged, but may arrive as
     * {@link IllegalMonitorStateException} when it unwound a frame holding a monitor (see
     * {@link Instrumenter}): go by the kernel's kill flag.
     */
    public void runMain(String[] args) throws Throwable {
        main.invokeExact(args);
    }

    @Override
    public String toString() {
        return "LoadedProgram[" + name + ", " + mainClass.getName() + "]";
    }
}
