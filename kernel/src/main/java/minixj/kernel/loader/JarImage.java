package minixj.kernel.loader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An executable program held in memory: a JAR's entries, its name and its {@code Main-Class}.
 *
 * <p>Immutable. Equality is identity: the {@link ProgramLoader} caches its verification and
 * instrumentation per image object, so re-exec of the same image is cheap.
 */
public final class JarImage {
    /** Where a JAR keeps its manifest; not part of {@link #entryNames()}. */
    static final String MANIFEST = "META-INF/MANIFEST.MF";
    /** Uncompressed size limit: a JAR bomb must not exhaust the host's heap. */
    static final long MAX_BYTES = 256L << 20;
    /** Entry time in {@link #toBytes()}, fixed so that the same image always gives the same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final String name;
    private final String mainClass;
    private final SortedMap<String, byte[]> entries;

    private JarImage(String name, String mainClass, SortedMap<String, byte[]> entries) {
        this.name = name;
        this.mainClass = mainClass;
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    /**
     * An image made of the given entries (entry name such as {@code a/b/Main.class} to contents),
     * copied. Directory entries and a manifest entry are dropped: the manifest is made from
     * {@code mainClass}.
     */
    public static JarImage of(String name, String mainClass, Map<String, byte[]> entries) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        entries.forEach((entry, bytes) -> {
            if (!entry.endsWith("/") && !entry.equals(MANIFEST)) copy.put(entry, bytes.clone());
        });
        return new JarImage(name, mainClass, copy);
    }

    /**
     * Reads a JAR. Any defect (not a zip, corrupt or duplicate entries, no manifest, no
     * {@code Main-Class}, larger than {@value #MAX_BYTES} bytes) is an {@link ExecException}
     * with ENOEXEC, never another exception.
     */
    public static JarImage parse(String name, byte[] jarBytes) throws ExecException {
        TreeMap<String, byte[]> found = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jarBytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.isDirectory()) continue;
                byte[] data = zip.readNBytes((int) Math.min(MAX_BYTES - total + 1, Integer.MAX_VALUE - 16));
                total += data.length;
                if (total > MAX_BYTES) {
                    throw ExecException.noexec(name, "image larger than " + MAX_BYTES + " bytes");
                }
                if (found.put(entry.getName(), data) != null) {
                    throw ExecException.noexec(name, "duplicate jar entry " + entry.getName());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ExecException.noexec(name, "malformed jar: " + e, e);
        }
        if (found.isEmpty()) throw ExecException.noexec(name, "not a jar (no entries)");
        byte[] manifestBytes = found.remove(MANIFEST);
        if (manifestBytes == null) throw ExecException.noexec(name, "jar has no " + MANIFEST);
        String main;
        try {
            main = new Manifest(new ByteArrayInputStream(manifestBytes)).getMainAttributes()
                    .getValue(Attributes.Name.MAIN_CLASS);
        } catch (IOException | RuntimeException e) {
            throw ExecException.noexec(name, "malformed manifest: " + e, e);
        }
        if (main == null || main.isBlank()) throw ExecException.noexec(name, "manifest has no Main-Class");
        found.keySet().removeIf(entry -> entry.endsWith("/"));
        return new JarImage(name, main.trim(), found);
    }

    /**
     * Packs a program from the classpath: every file (classes and resources) under the package
     * {@code packagePrefix} and its subpackages, as seen by {@code source}, from directories
     * (during tests) as well as from JAR files (the launcher). The image is named after the last
     * component of the package. When a name is found twice, the first location on the classpath
     * wins, as in class loading.
     *
     * @throws IllegalArgumentException when the package holds nothing or lacks {@code mainClass}
     * @throws UncheckedIOException when the classpath cannot be read
     */
    public static JarImage fromClasspath(ClassLoader source, String packagePrefix, String mainClass) {
        String path = packagePrefix.replace('.', '/');
        TreeMap<String, byte[]> found = new TreeMap<>();
        try {
            Set<URL> roots = new LinkedHashSet<>(Collections.list(source.getResources(path)));
            // A JAR without directory entries answers getResources(dir) with nothing: find it
            // through the main class instead.
            URL mainUrl = source.getResource(mainClass.replace('.', '/') + ".class");
            if (mainUrl != null && mainUrl.getProtocol().equals("jar")) roots.add(mainUrl);
            for (URL root : roots) {
                switch (root.getProtocol()) {
                    case "file" -> collectDirectory(Path.of(root.toURI()), path, found);
                    case "jar" -> collectJar(root, path, found);
                    default -> throw new IllegalArgumentException("cannot read classpath location " + root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + packagePrefix, e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot pack " + packagePrefix, e);
        }
        String mainEntry = mainClass.replace('.', '/') + ".class";
        if (!found.containsKey(mainEntry)) {
            throw new IllegalArgumentException("no " + mainEntry + " under package " + packagePrefix);
        }
        return new JarImage(path.substring(path.lastIndexOf('/') + 1), mainClass, found);
    }

    private static void collectDirectory(Path dir, String path, Map<String, byte[]> found) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String relative = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (!found.containsKey(path + "/" + relative)) found.put(path + "/" + relative, Files.readAllBytes(file));
            }
        }
    }

    private static void collectJar(URL url, String path, Map<String, byte[]> found)
            throws IOException, URISyntaxException {
        URL jarFileUrl = ((JarURLConnection) url.openConnection()).getJarFileURL();
        // Open the file ourselves: JarURLConnection's cached JarFile would stay open forever.
        try (JarFile jar = new JarFile(Path.of(jarFileUrl.toURI()).toFile())) {
            for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
                JarEntry entry = all.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(path + "/")) continue;
                if (found.containsKey(entry.getName())) continue;
                try (InputStream in = jar.getInputStream(entry)) {
                    found.put(entry.getName(), in.readAllBytes());
                }
            }
        }
    }

    /**
     * A real JAR of this image: a manifest with {@code Main-Class}, directory entries, then the
     * entries in name order, all with a fixed time so that equal images give equal bytes.
     */
    public byte[] toBytes() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out)) {
            manifest.write(manifestBytes);
            put(jar, "META-INF/", null);
            put(jar, MANIFEST, manifestBytes.toByteArray());
            SortedSet<String> directories = new TreeSet<>();
            for (String entry : entries.keySet()) {
                for (int slash = entry.indexOf('/'); slash >= 0; slash = entry.indexOf('/', slash + 1)) {
                    directories.add(entry.substring(0, slash + 1));
                }
            }
            directories.remove("META-INF/");
            for (String directory : directories) put(jar, directory, null);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) put(jar, entry.getKey(), entry.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: memory streams
        }
        return out.toByteArray();
    }

    private static void put(JarOutputStream jar, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        jar.putNextEntry(entry);
        if (data != null) jar.write(data);
        jar.closeEntry();
    }

    /** The program's name, e.g. {@code hello}: used in messages and as the class loader's name. */
    public String name() {
        return name;
    }

    /** The binary name of the main class, from the manifest's {@code Main-Class}. */
    public String mainClass() {
        return mainClass;
    }

    /** The entry names, sorted, without directories and without the manifest. */
    public SortedSet<String> entryNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(entries.keySet()));
    }

    /** A copy of entry {@code entryName}'s contents, or {@code null} if there is none. */
    public byte[] entry(String entryName) {
        byte[] bytes = entries.get(entryName);
        return bytes == null ? null : bytes.clone();
    }

    /** The entries without copying; callers in this package never modify the arrays. */
    SortedMap<String, byte[]> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return "JarImage[" + name + ", Main-Class " + mainClass + ", " + entries.size() + " entries]";
    }
}
