package minixj.boot;

import java.nio.charset.StandardCharsets;

import minixj.kernel.loader.JarImage;
import minixj.lib.fs.BootFiles;

/**
 * The boot files the launcher loads with the kernel (the initial RAM disk of this stage): the
 * commands in /bin and the in-OS test programs in /usr/tests/minix-posix, packed as JARs from the
 * launcher's own classes. VFS execs from them until MFS mounts a real root (step 4).
 */
public final class BootFilesImage {
    /** Where the MINIX test programs live (as in MINIX). */
    public static final String TESTS = "/usr/tests/minix-posix";
    /** The MINIX tests that have an in-OS analogue; each is the same JAR under its own name. */
    static final String[] TEST_NAMES = {"test1", "test2", "test4", "test5", "test6", "test12", "test37", "test41",
            "test42", "test44", "test64", "test75", "test79", "test84", "test89"};

    private BootFilesImage() {
    }

    /** The standard boot files. */
    public static byte[] standard() {
        ClassLoader cl = BootFilesImage.class.getClassLoader();
        BootFiles.Builder files = new BootFiles.Builder();
        byte[] basic = JarImage.fromClasspath(cl, "minixj.commands.basic", "minixj.commands.basic.Basic").toBytes();
        for (String name : new String[] {"true", "false", "echo"}) files.add("/bin/" + name, 0755, basic);
        byte[] tests = JarImage.fromClasspath(cl, "minixj.commands.posixtests", "minixj.commands.posixtests.Main")
                .toBytes();
        for (String name : TEST_NAMES) files.add(TESTS + "/" + name, 0755, tests);
        // Fixtures of the exec tests: a text file marked executable, and a JAR without the x bit.
        files.add(TESTS + "/notajar", 0755, "#!/bin/sh\necho not a JAR\n".getBytes(StandardCharsets.UTF_8));
        files.add(TESTS + "/noexec", 0644, basic);
        files.add(TESTS + "/execonly", 0111, basic);
        files.add("/etc/motd", 0644, "Welcome to MinixJ.\n".getBytes(StandardCharsets.UTF_8));
        return files.build();
    }
}
