package minixj.kernel.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import org.junit.jupiter.api.Test;

class ProgramLoaderTest {
    private static final String HELLO_MAIN = TestPrograms.BASE + "hello.Main";

    private final ProgramLoader loader = new ProgramLoader();

    private static Object staticField(Class<?> c, String name) throws ReflectiveOperationException {
        var field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }

    @Test
    void runsMainAndReadsItsOwnResources() throws Throwable {
        LoadedProgram hello = loader.load(TestPrograms.image("hello"));
        assertEquals("hello", hello.name());
        assertEquals(HELLO_MAIN, hello.mainClass().getName());
        hello.runMain(new String[0]);
        assertEquals(1, staticField(hello.mainClass(), "runs"));
        assertEquals("hello from the image", staticField(hello.mainClass(), "greeting"));
    }

    @Test
    void staticsArePerProcess() throws Throwable {
        JarImage image = TestPrograms.image("hello");
        LoadedProgram first = loader.load(image);
        LoadedProgram second = loader.load(image);
        first.runMain(new String[0]);
        first.runMain(new String[0]);
        second.runMain(new String[0]);
        assertEquals(2, staticField(first.mainClass(), "runs"));
        assertEquals(1, staticField(second.mainClass(), "runs"));
        Class<?> helper1 = first.mainClass().getClassLoader().loadClass(TestPrograms.BASE + "hello.Helper");
        Class<?> helper2 = second.mainClass().getClassLoader().loadClass(TestPrograms.BASE + "hello.Helper");
        assertNotSame(helper1, helper2);
        assertEquals(2, staticField(helper1, "touched"));
        assertEquals(1, staticField(helper2, "touched"));
    }

    @Test
    void programClassesAreChildFirstInTheUnnamedModuleOfTheirOwnLoader() throws Exception {
        Class<?> appClass = Class.forName(HELLO_MAIN); // the same name is on the test classpath
        LoadedProgram hello = loader.load(TestPrograms.image("hello"));
        assertNotSame(appClass, hello.mainClass());
        ClassLoader processLoader = hello.mainClass().getClassLoader();
        assertTrue(processLoader instanceof ProcessClassLoader);
        assertSame(hello.mainClass().getModule(), processLoader.getUnnamedModule());
        assertTrue(processLoader.getParent() instanceof SystemLibraryLoader);
    }

    @Test
    void onlyTheJdkTheLibraryAndTheProgramAreVisible() throws Exception {
        ClassLoader process = loader.load(TestPrograms.image("hello")).mainClass().getClassLoader();
        assertSame(String.class, process.loadClass("java.lang.String"));
        assertSame(java.sql.Timestamp.class, process.loadClass("java.sql.Timestamp")); // platform module
        assertSame(Trap.class, process.loadClass("minixj.lib.ipc.Trap"), "the library is shared");
        assertSame(Message.class, process.loadClass(Message.class.getName()));
        assertThrows(ClassNotFoundException.class, () -> process.loadClass(ProgramLoader.class.getName()));
        assertThrows(ClassNotFoundException.class, () -> process.loadClass("minixj.kernel.loader.ProgramLoader"));
        assertThrows(ClassNotFoundException.class, () -> process.loadClass("org.junit.jupiter.api.Test"));
        assertThrows(ClassNotFoundException.class, () -> process.loadClass(TestPrograms.BASE + "spinner.Main"),
                "another program's classes");
        assertThrows(ClassNotFoundException.class, () -> Class.forName(ProgramLoader.class.getName(), false, process));
        assertEquals(null, process.getResource("minixj/kernel/loader/ProgramLoader.class"));
        assertEquals(null, process.getResource("minixj/lib/../kernel/loader/ProgramLoader.class"));
        assertNotNull(process.getResource("minixj/lib/ipc/Trap.class"));
    }

    @Test
    void resourcesAreTheImagesEntries() throws Exception {
        ClassLoader process = loader.load(TestPrograms.image("hello")).mainClass().getClassLoader();
        String entry = "minixj/kernel/loader/testprogs/hello/greeting.txt";
        try (InputStream in = process.getResourceAsStream(entry)) {
            assertEquals("hello from the image", new String(in.readAllBytes()).trim());
        }
        try (InputStream in = process.getResource(entry).openStream()) {
            assertEquals("hello from the image", new String(in.readAllBytes()).trim());
        }
        assertEquals(1, java.util.Collections.list(process.getResources(entry)).size());
    }

    @Test
    void secondExecOfTheSameImageIsNotPreparedAgain() throws Exception {
        JarImage image = TestPrograms.image("hello");
        loader.load(image);
        loader.load(image);
        assertEquals(1, loader.preparations());
        JarImage evil = TestPrograms.image("evil.file");
        assertThrows(ExecException.class, () -> loader.load(evil));
        ExecException again = assertThrows(ExecException.class, () -> loader.load(evil));
        assertEquals(2, loader.preparations(), "refusals are remembered too");
        assertTrue(again.getMessage().contains("java/io/File"), again.getMessage());
        loader.load(TestPrograms.image("hello")); // another image object with the same contents
        assertEquals(3, loader.preparations());
    }

    @Test
    void ordinaryJavaRunsInstrumented() throws Throwable {
        LoadedProgram features = loader.load(TestPrograms.image("features"));
        CountingTrap trap = new CountingTrap();
        TestPrograms.asProcess(trap, () -> {
            try {
                features.runMain(new String[0]);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
            return null;
        });
        assertEquals("[open, use, close] 42 {one=1, three=0, two=2} 1,4,9,16 84 rgb 11 912 Square[side=5] true",
                staticField(features.mainClass(), "result"));
        assertTrue(trap.polls() > 20, "polled " + trap.polls());
    }

    @Test
    void mainMustBeAPublicStaticVoidMainOfStrings() {
        ClassDesc main = ClassDesc.of("p.Main");
        byte[] noMain = ClassFile.of().build(main, b -> b.withFlags(ClassFile.ACC_PUBLIC)
                .withMethodBody("run", MethodTypeDesc.of(ConstantDescs.CD_void), ClassFile.ACC_STATIC, c -> c.return_()));
        byte[] instanceMain = ClassFile.of().build(main, b -> b.withFlags(ClassFile.ACC_PUBLIC)
                .withMethodBody("main", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String.arrayType()),
                        ClassFile.ACC_PUBLIC, c -> c.return_()));
        for (byte[] bytes : new byte[][] {noMain, instanceMain}) {
            ExecException e = assertThrows(ExecException.class,
                    () -> loader.load(JarImage.of("nomain", "p.Main", Map.of("p/Main.class", bytes))));
            assertEquals(Errno.ENOEXEC, e.errno());
            assertTrue(e.getMessage().contains("no public static main(String[])"), e.getMessage());
        }
    }

    @Test
    void damagedImagesAreEnoexecNeverAnotherException() throws Exception {
        JarImage hello = TestPrograms.image("hello");
        String mainEntry = "minixj/kernel/loader/testprogs/hello/Main.class";
        byte[] jar = hello.toBytes();
        byte[] mainClass = hello.entry(mainEntry);
        java.util.Random random = new java.util.Random(1234);
        int refused = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] damagedJar = jar.clone();
            byte[] damagedClass = mainClass.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damagedJar[random.nextInt(damagedJar.length)] ^= (byte) (1 + random.nextInt(255));
                damagedClass[random.nextInt(damagedClass.length)] ^= (byte) (1 + random.nextInt(255));
            }
            Map<String, byte[]> entries = new HashMap<>();
            for (String entry : hello.entryNames()) entries.put(entry, hello.entry(entry));
            entries.put(mainEntry, damagedClass);
            for (java.util.concurrent.Callable<JarImage> image : List.<java.util.concurrent.Callable<JarImage>>of(
                    () -> JarImage.parse("damaged", damagedJar),
                    () -> JarImage.of("damaged", hello.mainClass(), entries))) {
                try {
                    loader.load(image.call());
                } catch (ExecException e) {
                    assertEquals(Errno.ENOEXEC, e.errno());
                    refused++;
                }
            }
        }
        assertTrue(refused > 300, "most damage is detected: " + refused);
    }

    @Test
    void mainClassMustBeInTheImage() {
        Map<String, byte[]> entries = new HashMap<>(Map.of("p/Other.txt", new byte[] {1}));
        ExecException e = assertThrows(ExecException.class,
                () -> loader.load(JarImage.of("x", "java.lang.String", entries)));
        assertEquals(Errno.ENOEXEC, e.errno());
        assertTrue(e.getMessage().contains("not in the image"), e.getMessage());
    }
}
