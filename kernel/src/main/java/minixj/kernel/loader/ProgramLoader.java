package minixj.kernel.loader;

import java.io.ByteArrayInputStream;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a {@link JarImage} into a {@link LoadedProgram}: verify, instrument, define in a fresh
 * {@link ProcessClassLoader}, find {@code main}.
 *
 * <p>The whole image is verified before anything is defined, so a forbidden reference anywhere
 * refuses the exec. Verification and instrumentation are done once per image object and kept
 * (weakly, so dropped images are collected) by this loader: the next exec of the same image only
 * defines classes. One per machine; thread-safe.
 */
public final class ProgramLoader {
    private static final MethodType MAIN_TYPE = MethodType.methodType(void.class, String[].class);

    /** Outcome of preparing one image: instrumented classes, or why it cannot run. */
    private record Prepared(Map<String, byte[]> classes, ExecException failure) {
    }

    private final SystemLibraryLoader system;
    private final ProgramVerifier verifier;
    private final Instrumenter instrumenter = new Instrumenter();
    private final ClassHierarchyResolver hostHierarchy;
    private final Map<JarImage, Prepared> prepared = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicInteger preparations = new AtomicInteger();

    /** A loader whose programs see the JDK and the system library this kernel runs with. */
    public ProgramLoader() {
        this(new SystemLibraryLoader());
    }

    /** A loader whose programs see what {@code system} exposes. */
    public ProgramLoader(SystemLibraryLoader system) {
        this.system = system;
        this.verifier = new ProgramVerifier(system);
        this.hostHierarchy = ClassHierarchyResolver.ofResourceParsing(system).cached(ConcurrentHashMap::new);
    }

    /**
     * Loads {@code image} as a new process's program: its own class loader, hence its own
     * statics. Does not run any program code (class initialization happens on first use, on the
     * process's thread).
     *
     * @throws ExecException ENOEXEC when the image is refused or has no usable main
     */
    public LoadedProgram load(JarImage image) throws ExecException {
        return load(image, image.mainClass());
    }

    /**
     * Loads {@code image} with {@code entryClass} as the entry point instead of the manifest's
     * Main-Class: how a forked Java program starts its child on the parent's image.
     *
     * @throws ExecException ENOEXEC when the image is refused or the class has no usable main
     */
    public LoadedProgram load(JarImage image, String entryClass) throws ExecException {
        String program = image.name();
        Map<String, byte[]> classes = prepare(image);
        if (!classes.containsKey(entryClass)) {
            throw ExecException.noexec(program, "main class " + entryClass + " is not in the image");
        }
        ProcessClassLoader loader = new ProcessClassLoader(program, classes, image.entries(), system);
        try {
            Class<?> mainClass = loader.loadClass(entryClass);
            Method main;
            try {
                main = mainClass.getDeclaredMethod("main", String[].class); // links, hence verifies, the class
            } catch (NoSuchMethodException e) {
                throw ExecException.noexec(program, "no public static main(String[]) in " + entryClass);
            }
            int modifiers = main.getModifiers();
            if (!Modifier.isPublic(modifiers) || !Modifier.isStatic(modifiers) || main.getReturnType() != void.class) {
                throw ExecException.noexec(program, "no public static main(String[]) in " + entryClass);
            }
            main.setAccessible(true); // the class itself need not be public
            MethodHandle handle = MethodHandles.lookup().unreflect(main).asType(MAIN_TYPE);
            return new LoadedProgram(program, mainClass, handle);
        } catch (ClassNotFoundException | LinkageError | IllegalAccessException | RuntimeException e) {
            throw ExecException.noexec(program, "cannot load " + entryClass + ": " + e, e);
        }
    }

    /** Verified, instrumented classes of {@code image} (binary name to bytes), cached per image. */
    private Map<String, byte[]> prepare(JarImage image) throws ExecException {
        Prepared done = prepared.get(image);
        if (done == null) {
            // Two concurrent first execs may both prepare; the results are equal.
            done = doPrepare(image);
            prepared.put(image, done);
        }
        if (done.failure() != null) {
            ExecException f = done.failure();
            throw new ExecException(f.errno(), f.getMessage(), f);
        }
        return done.classes();
    }

    private Prepared doPrepare(JarImage image) {
        preparations.incrementAndGet();
        try {
            Map<String, ClassModel> models = verifier.verify(image);
            ClassHierarchyResolver resolver = programHierarchy(image.entries()).orElse(hostHierarchy);
            Map<String, byte[]> classes = new HashMap<>();
            for (Map.Entry<String, ClassModel> entry : models.entrySet()) {
                try {
                    classes.put(entry.getKey(), instrumenter.instrument(entry.getValue(), resolver));
                } catch (RuntimeException e) { // unresolvable class for stack maps, bad code
                    throw ExecException.noexec(image.name(), "cannot instrument " + entry.getKey() + ": "
                            + e.getMessage(), e);
                }
            }
            return new Prepared(Map.copyOf(classes), null);
        } catch (ExecException e) {
            return new Prepared(null, e);
        }
    }

    /** Class hierarchy of the program's own classes, parsed from its entries. */
    private static ClassHierarchyResolver programHierarchy(SortedMap<String, byte[]> entries) {
        return ClassHierarchyResolver.ofResourceParsing(desc -> {
            String descriptor = desc.descriptorString(); // "La/b/C;"
            byte[] bytes = entries.get(descriptor.substring(1, descriptor.length() - 1) + ".class");
            return bytes == null ? null : new ByteArrayInputStream(bytes);
        }).cached();
    }

    /** How many images this loader has verified and instrumented (cache misses); for tests. */
    int preparations() {
        return preparations.get();
    }
}
