package minixj.kernel.loader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * The class loader of one process: its own copy of every program class, so statics are per
 * process.
 *
 * <p>Program classes are child-first: they are always defined here from the image's
 * (verified, instrumented) bytes, even when the launcher's classpath holds a class of the same
 * name. Every other name goes to the {@link SystemLibraryLoader}, which knows only the JDK and
 * {@code minixj.lib}; the kernel and other programs are not found. The library is never
 * redefined here, so the poll calls the instrumentation inserts always reach the real
 * {@code minixj.lib.ipc.Poll}. Resources are the image's entries, then the parent's.
 * Classes land in this loader's unnamed module.
 *
 * <p>Made by {@link ProgramLoader}; one per exec.
 */
public final class ProcessClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final String program;
    private final Map<String, byte[]> classes;
    private final Map<String, byte[]> resources;

    /**
     * A loader for program {@code program}.
     *
     * @param classes   binary class name to the bytes to define (already verified and instrumented)
     * @param resources entry name to contents, served by {@link #getResource(String)}
     */
    ProcessClassLoader(String program, Map<String, byte[]> classes, Map<String, byte[]> resources,
                       SystemLibraryLoader parent) {
        super("minixj:" + program, parent);
        this.program = program;
        this.classes = classes;
        this.resources = resources;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = isProgramClass(name) ? findClass(name) : getParent().loadClass(name);
            }
            if (resolve) resolveClass(c);
            return c;
        }
    }

    private boolean isProgramClass(String name) {
        return !SystemLibraryLoader.isLibraryClass(name) && classes.containsKey(name);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = isProgramClass(name) ? classes.get(name) : null;
        if (bytes == null) throw new ClassNotFoundException(name);
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>();
        URL own = findResource(name);
        if (own != null) all.add(own);
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] bytes = resources.get(name);
        return bytes != null ? new ByteArrayInputStream(bytes) : getParent().getResourceAsStream(name);
    }

    @Override
    protected URL findResource(String name) {
        byte[] bytes = resources.get(name);
        if (bytes == null) return null;
        try {
            return URL.of(new URI("minixj-image", null, "/" + program + "/" + name, null), new EntryHandler(bytes));
        } catch (URISyntaxException | MalformedURLException e) {
            return null; // a name no URL can carry: still readable through getResourceAsStream
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL own = findResource(name);
        return own == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(own));
    }

    /** Serves one in-memory entry as a URL's contents. */
    private static final class EntryHandler extends URLStreamHandler {
        private final byte[] bytes;

        EntryHandler(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public long getContentLengthLong() {
                    return bytes.length;
                }
            };
        }
    }

    @Override
    public String toString() {
        return "ProcessClassLoader[" + program + "]";
    }
}
