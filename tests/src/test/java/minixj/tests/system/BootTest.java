package minixj.tests.system;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import minixj.boot.Main;
import minixj.kernel.KernelConfig;

/** The boot command's machine: banner, boot image started, trace hash. */
class BootTest {
    private static String boot(KernelConfig config) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals(0, Main.boot(config, true, true, out));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String hashLine(String output) {
        return output.lines().filter(l -> l.startsWith("trace-hash ")).findFirst().orElseThrow();
    }

    @Test
    void bootPrintsBannerStartsTheImageAndPrintsTraceHash() {
        String out = boot(KernelConfig.defaults());
        assertTrue(out.startsWith("MinixJ "), out);
        assertTrue(out.contains("hello: up and waiting for requests"), out);
        assertTrue(out.contains("hello: greeting endpoint 11"), out);
        assertTrue(out.contains("boot image started (6 processes)"), out);
        assertTrue(hashLine(out).matches("trace-hash [0-9a-f]{16}"), out);
    }

    @Test
    void initRunsCommandsFromTheBootFilesAndReportsTheirStatus() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = Main.boot(KernelConfig.defaults(), false, false,
                java.util.List.of("/bin/echo hi   there", "/bin/false", "/nope", "/etc/motd",
                        "/usr/tests/minix-posix/notajar"), out);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, text); // /bin/false and the failed spawns
        java.util.List<String> lines = text.lines().toList();
        int echoed = lines.indexOf("hi there");
        assertTrue(echoed >= 0, text);
        assertTrue(lines.indexOf("init: /bin/echo hi   there: exit status 0") > echoed, text);
        assertTrue(lines.contains("init: /bin/false: exit status 1"), text);
        assertTrue(lines.contains("init: /nope: ENOENT"), text);
        assertTrue(lines.contains("init: /etc/motd: EACCES"), text);
        assertTrue(lines.contains("init: /usr/tests/minix-posix/notajar: ENOEXEC"), text);
        assertTrue(lines.indexOf("init: commands done") > lines.indexOf("init: /usr/tests/minix-posix/notajar: ENOEXEC"), text);
    }

    @Test
    void theMinixTestsRunFromTheBootFilesByPath() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = Main.boot(KernelConfig.defaults(), false, false,
                java.util.List.of("/usr/tests/minix-posix/test12 50"), out);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.lines().anyMatch(l -> l.equals("Test 12 ok")), text);
        assertTrue(text.lines().anyMatch(l -> l.equals("init: /usr/tests/minix-posix/test12 50: exit status 0")), text);
    }

    @Test
    void seededBootsAreReproducible() {
        KernelConfig seeded = KernelConfig.defaults().withSeed(5L);
        assertEquals(hashLine(boot(seeded)), hashLine(boot(seeded)));
        // The boot image is small, so two seeds may well schedule it alike; several must not all agree.
        java.util.Set<String> hashes = new java.util.HashSet<>();
        for (long seed = 1; seed <= 6; seed++) hashes.add(hashLine(boot(KernelConfig.defaults().withSeed(seed))));
        assertTrue(hashes.size() > 1, "six seeds, one schedule: " + hashes);
    }
}
