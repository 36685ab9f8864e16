package minixj.kernel.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import minixj.lib.ipc.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarImageTest {
    private static final String HELLO = TestPrograms.BASE + "hello";
    private static final String HELLO_PATH = HELLO.replace('.', '/');

    @Test
    void fromClasspathCollectsClassesAndResourcesOfThePackage() {
        JarImage image = TestPrograms.image("hello");
        assertEquals("hello", image.name());
        assertEquals(HELLO + ".Main", image.mainClass());
        assertEquals(
                java.util.Set.of(HELLO_PATH + "/Main.class", HELLO_PATH + "/Helper.class", HELLO_PATH + "/greeting.txt"),
                image.entryNames());
        assertEquals("hello from the image", new String(image.entry(HELLO_PATH + "/greeting.txt"),
                StandardCharsets.UTF_8).trim());
        assertNull(image.entry("nothing/here.class"));
    }

    @Test
    void fromClasspathRefusesAPackageWithoutTheMainClass() {
        assertThrows(IllegalArgumentException.class, () -> JarImage.fromClasspath(getClass().getClassLoader(),
                HELLO, HELLO + ".Missing"));
        assertThrows(IllegalArgumentException.class, () -> JarImage.fromClasspath(getClass().getClassLoader(),
                "no.such.pkg", "no.such.pkg.Main"));
    }

    @Test
    void toBytesThenParseGivesTheSameImageAndTheSameBytes() throws ExecException {
        JarImage image = TestPrograms.image("hello");
        byte[] jar = image.toBytes();
        JarImage back = JarImage.parse("hello", jar);
        assertEquals(image.mainClass(), back.mainClass());
        assertEquals(image.entryNames(), back.entryNames());
        for (String entry : image.entryNames()) assertArrayEquals(image.entry(entry), back.entry(entry));
        assertArrayEquals(jar, back.toBytes(), "toBytes is deterministic");
    }

    @Test
    void fromClasspathReadsJarFiles(@TempDir Path dir) throws IOException {
        JarImage image = TestPrograms.image("hello");
        Path jar = dir.resolve("hello.jar");
        Files.write(jar, image.toBytes());
        Path bare = dir.resolve("bare.jar"); // no directory entries: found through the main class
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bare))) {
            for (String entry : image.entryNames()) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(image.entry(entry));
                out.closeEntry();
            }
        }
        for (Path path : new Path[] {jar, bare}) {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {path.toUri().toURL()}, null)) {
                JarImage fromJar = JarImage.fromClasspath(loader, HELLO, HELLO + ".Main");
                assertEquals(image.entryNames(), fromJar.entryNames(), path.toString());
                for (String entry : image.entryNames()) assertArrayEquals(image.entry(entry), fromJar.entry(entry));
            }
        }
    }

    @Test
    void entriesAreCopiedInAndOut() {
        byte[] data = {1, 2, 3};
        JarImage image = JarImage.of("x", "a.Main", Map.of("a/data.bin", data, "a/", new byte[0]));
        data[0] = 9;
        image.entry("a/data.bin")[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, image.entry("a/data.bin"));
        assertEquals(java.util.Set.of("a/data.bin"), image.entryNames());
    }

    @Test
    void malformedJarsAreEnoexec() throws IOException {
        byte[] good = TestPrograms.image("hello").toBytes();
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        byte[][] bad = {
            new byte[0],
            "not a jar at all".getBytes(StandardCharsets.UTF_8),
            random,
            Arrays.copyOf(good, good.length / 2),
            corruptMiddle(good),
            jar(null, "a/Main.class"),
            jar(new Manifest(), "a/Main.class"),
        };
        for (byte[] bytes : bad) {
            ExecException e = assertThrows(ExecException.class, () -> JarImage.parse("bad", bytes));
            assertEquals(Errno.ENOEXEC, e.errno());
            assertTrue(e.getMessage().startsWith("ENOEXEC: program 'bad': "), e.getMessage());
        }
        ExecException noMain = assertThrows(ExecException.class,
                () -> JarImage.parse("bad", jar(new Manifest(), "a/Main.class")));
        assertTrue(noMain.getMessage().contains("Main-Class"), noMain.getMessage());
    }

    private static byte[] corruptMiddle(byte[] good) {
        byte[] copy = good.clone();
        for (int i = copy.length / 3; i < copy.length / 3 + 64; i++) copy[i] ^= 0x5a;
        return copy;
    }

    /** A jar with one entry, and the given manifest (none if null). */
    private static byte[] jar(Manifest manifest, String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (manifest != null) manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (ZipOutputStream zip = manifest == null ? new ZipOutputStream(out) : new JarOutputStream(out, manifest)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
