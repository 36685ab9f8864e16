package minixj.kernel.loader;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import minixj.lib.ipc.Trap;

/**
 * The parent of every process's class loader: the JDK plus the shared system library
 * {@code minixj.lib.*}, and nothing else.
 *
 * <p>JDK classes come from the platform loader. Library classes come from the loader that
 * loaded {@link Trap}, so all processes and the kernel share one {@code Trap} type and one
 * {@link Trap#CURRENT}. Any other name (the kernel, other programs, the launcher's libraries)
 * is a {@link ClassNotFoundException}: a process cannot even name the kernel's classes.
 *
 * <p>Holds no state of its own; one instance per machine is enough.
 */
public final class SystemLibraryLoader extends ClassLoader {
    /** Package prefix of the shared system library (binary name form). */
    static final String LIBRARY_PACKAGE = "minixj.lib.";
    /** The same prefix as a resource path. */
    static final String LIBRARY_PATH = "minixj/lib/";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader library;

    /** A loader exposing the JDK and the system library that this kernel was loaded with. */
    public SystemLibraryLoader() {
        this(Trap.class.getClassLoader());
    }

    /** A loader exposing the JDK and the {@code minixj.lib} classes of {@code library}. */
    public SystemLibraryLoader(ClassLoader library) {
        super("minixj-system", ClassLoader.getPlatformClassLoader());
        this.library = library;
    }

    /** Whether {@code binaryName} belongs to the shared library (never defined by a program). */
    static boolean isLibraryClass(String binaryName) {
        return binaryName.startsWith(LIBRARY_PACKAGE);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isLibraryClass(name)) {
            Class<?> c = library.loadClass(name);
            if (resolve) resolveClass(c);
            return c;
        }
        // Parent is the platform loader: JDK classes only; findClass refuses the rest.
        return super.loadClass(name, resolve);
    }

    @Override
    protected URL findResource(String name) {
        return isLibraryResource(name) ? library.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return isLibraryResource(name) ? library.getResources(name) : Collections.emptyEnumeration();
    }

    /** ".." is refused: the library's loader would resolve it to the kernel's files. */
    private static boolean isLibraryResource(String name) {
        return name.startsWith(LIBRARY_PATH) && !name.contains("..");
    }
}
