package minixj.kernel.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.Map;
import minixj.lib.ipc.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgramVerifierTest {
    private static final ClassDesc MAIN = ClassDesc.of("p.Main");
    private static final MethodTypeDesc MAIN_TYPE =
            MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String.arrayType());
    private static final String EVIL = "minixj/kernel/loader/testprogs/evil/";

    private final ProgramLoader loader = new ProgramLoader();

    private ExecException refused(JarImage image) {
        ExecException e = assertThrows(ExecException.class, () -> loader.load(image));
        assertEquals(Errno.ENOEXEC, e.errno());
        assertTrue(e.getMessage().startsWith("ENOEXEC: program '" + image.name() + "': "), e.getMessage());
        return e;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            file       | Main references java/io/File.<init>(Ljava/lang/String;)V (host file access is forbidden)
            kernel     | Main references minixj/kernel/loader/ProgramLoader.<init>()V (kernel internals are invisible
            wait       | Main references java/lang/Object.wait()V (blocking outside the kernel is forbidden)
            parallel   | references java/util/ArrayList.parallelStream()Ljava/util/stream/Stream; inherited from java/util/Collection
            exit       | references java/lang/System.exit(I)V (host process control is forbidden)
            out        | references java/lang/System.out
            forname    | references java/lang/Class.forName(Ljava/lang/String;)Ljava/lang/Class; (class loading
            scoped     | references java/lang/ScopedValue.where(
            sleep      | references java/lang/Thread.sleep(J)V (blocking outside the kernel is forbidden)
            threadsub  | java/util/concurrent/ForkJoinWorkerThread.sleep(J)V inherited from java/lang/Thread
            time       | references java/lang/System.currentTimeMillis()J (time comes from the kernel)
            lookup     | references java/lang/invoke/MethodHandles$Lookup.findStatic(
            finalizer  | declares finalize() (finalizers run on a host thread)
            printstack | references java/lang/IllegalStateException.printStackTrace()V inherited from java/lang/Throwable
            """)
    void forbiddenReferencesAreRefusedWithAMessageNamingThem(String program, String expected) {
        ExecException e = refused(TestPrograms.image("evil." + program));
        assertTrue(e.getMessage().contains("class " + EVIL + program + "/Main"), e.getMessage());
        assertTrue(e.getMessage().contains(expected.replace("EVIL/", EVIL)), e.getMessage());
    }

    @Test
    void theExampleMessageReadsExactly() {
        assertEquals("ENOEXEC: program 'file': class " + EVIL + "file/Main references "
                + "java/io/File.<init>(Ljava/lang/String;)V (host file access is forbidden)",
                refused(TestPrograms.image("evil.file")).getMessage());
    }

    @Test
    void verificationNeedsNoRunningCodeAndAcceptsOrdinaryJava() throws ExecException {
        ProgramVerifier verifier = new ProgramVerifier(new SystemLibraryLoader());
        for (String ok : new String[] {"hello", "features", "spinner", "catcher", "syncspinner", "counting"}) {
            assertTrue(!verifier.verify(TestPrograms.image(ok)).isEmpty(), ok);
        }
    }

    private static JarImage single(String name, byte[] mainClass) {
        return JarImage.of(name, "p.Main", Map.of("p/Main.class", mainClass));
    }

    @Test
    void dynamicConstantsAreReferencesToo() {
        // ldc of ConstantBootstraps.getStaticFinal(System.class, "out"): System.out without a field ref.
        DirectMethodHandleDesc getStaticFinal = ConstantDescs.BSM_GET_STATIC_FINAL;
        DynamicConstantDesc<Object> out = DynamicConstantDesc.ofNamed(getStaticFinal, "out",
                ClassDesc.of("java.io.PrintStream"), ClassDesc.of("java.lang.System"));
        byte[] bytes = ClassFile.of().build(MAIN, b -> b.withFlags(ClassFile.ACC_PUBLIC)
                .withMethodBody("main", MAIN_TYPE, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        c -> c.ldc(out).pop().return_()));
        ExecException e = refused(single("condy", bytes));
        assertTrue(e.getMessage().contains("java/lang/invoke/ConstantBootstraps.getStaticFinal"), e.getMessage());
    }

    @Test
    void aProgramCannotDefineLibraryOrJdkClasses() {
        for (String name : new String[] {"minixj.lib.ipc.Poll", "java.lang.Evil", "jdk.internal.Evil"}) {
            ClassDesc desc = ClassDesc.of(name);
            byte[] bytes = ClassFile.of().build(desc, b -> b.withFlags(ClassFile.ACC_PUBLIC)
                    .withMethodBody("main", MAIN_TYPE, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, c -> c.return_()));
            ExecException e = refused(JarImage.of("fake", name,
                    Map.of(name.replace('.', '/') + ".class", bytes)));
            assertTrue(e.getMessage().contains("reserved package"), e.getMessage());
        }
    }

    @Test
    void classFilesNewerThanTheJvmOrMalformedAreRefused() {
        byte[] good = ClassFile.of().build(MAIN, b -> b.withFlags(ClassFile.ACC_PUBLIC)
                .withMethodBody("main", MAIN_TYPE, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, c -> c.return_()));
        byte[] future = good.clone();
        future[6] = 0;
        future[7] = (byte) (ClassFile.latestMajorVersion() + 1);
        assertTrue(refused(single("future", future)).getMessage().contains("newer than this JVM"));
        byte[] ancient = good.clone();
        ancient[7] = (byte) (ClassFile.JAVA_1_VERSION - 1);
        assertTrue(refused(single("ancient", ancient)).getMessage().contains("older than"));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        assertTrue(refused(single("truncated", truncated)).getMessage().contains("malformed class file p/Main.class"));
        byte[] garbage = "definitely not a class".getBytes();
        refused(single("garbage", garbage));
        assertTrue(refused(JarImage.of("misnamed", "p.Main", Map.of("p/Other.class", good)))
                .getMessage().contains("entry p/Other.class holds class p/Main"));
    }

    @Test
    void aSuperclassCycleIsRefusedNotLoopedOn() {
        ClassDesc other = ClassDesc.of("p.Other");
        byte[] main = ClassFile.of().build(MAIN, b -> b.withFlags(ClassFile.ACC_PUBLIC).withSuperclass(other)
                .withMethodBody("main", MAIN_TYPE, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, c -> c.return_()));
        byte[] back = ClassFile.of().build(other, b -> b.withSuperclass(MAIN));
        ExecException e = refused(JarImage.of("cycle", "p.Main", Map.of("p/Main.class", main, "p/Other.class", back)));
        assertTrue(e.getMessage().contains("form a cycle"), e.getMessage());
    }

    @Test
    void rulesAreTableDriven() {
        assertEquals(ForbiddenApis.FILES, ForbiddenApis.classRule("java/nio/file/Files").reason());
        assertEquals(ForbiddenApis.PROCESS, ForbiddenApis.classRule("java/lang/Runtime$Version").reason());
        assertEquals(null, ForbiddenApis.classRule("java/io/FileNotFoundException"));
        assertEquals(null, ForbiddenApis.classRule("java/lang/invoke/MethodHandles$Lookup"));
        assertEquals(null, ForbiddenApis.memberRule("java/lang/System", "arraycopy",
                "(Ljava/lang/Object;ILjava/lang/Object;II)V"));
        assertEquals(ForbiddenApis.SYSTEM, ForbiddenApis.memberRule("java/lang/System", "gc", "()V").reason());
        assertEquals(null, ForbiddenApis.memberRule("java/lang/Thread", "currentThread", "()Ljava/lang/Thread;"));
        assertEquals(null, ForbiddenApis.memberRule("java/lang/Thread", "onSpinWait", "()V"));
        assertEquals(null, ForbiddenApis.memberRule("java/util/concurrent/BlockingQueue", "poll",
                "()Ljava/lang/Object;"));
        assertEquals(ForbiddenApis.BLOCKING, ForbiddenApis.memberRule("java/util/concurrent/BlockingQueue", "poll",
                "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;").reason());
        assertEquals(ForbiddenApis.TIME, ForbiddenApis.memberRule("java/time/LocalDate", "now",
                "()Ljava/time/LocalDate;").reason());
        assertEquals(null, ForbiddenApis.memberRule("java/io/PrintStream", "<init>", "(Ljava/io/OutputStream;)V"));
        assertEquals(ForbiddenApis.FILES, ForbiddenApis.memberRule("java/io/PrintStream", "<init>",
                "(Ljava/lang/String;)V").reason());
        assertTrue(ForbiddenApis.isReserved("minixj/lib/ipc/Poll"));
        assertTrue(!ForbiddenApis.isReserved("minixj/kernel/loader/testprogs/hello/Main"));
    }
}
