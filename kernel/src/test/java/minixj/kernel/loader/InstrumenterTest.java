package minixj.kernel.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import minixj.lib.ipc.Trap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstrumenterTest {
    private final ProgramLoader loader = new ProgramLoader();

    private MethodHandle method(Class<?> c, String name, MethodType type) throws ReflectiveOperationException {
        return MethodHandles.publicLookup().findStatic(c, name, type);
    }

    /** Polls counted while {@code calls} runs with {@code trap} bound. */
    private static long pollsDuring(CountingTrap trap, TestPrograms.Body calls) throws Exception {
        trap.reset();
        TestPrograms.asProcess(trap, () -> {
            try {
                calls.run();
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
            return null;
        });
        return trap.polls();
    }

    @Test
    void pollCountsAreExact() throws Exception {
        Class<?> counting = loader.load(TestPrograms.image("counting")).mainClass();
        MethodHandle straight = method(counting, "straight", MethodType.methodType(int.class, int.class));
        MethodHandle loop = method(counting, "loop", MethodType.methodType(int.class, int.class));
        MethodHandle catching = method(counting, "catching", MethodType.methodType(int.class));
        MethodHandle construct = method(counting, "construct", MethodType.methodType(Object.class));
        CountingTrap trap = new CountingTrap();

        int n = 1000;
        assertEquals(n, pollsDuring(trap, () -> {
            for (int i = 0; i < n; i++) assertEquals(2 * i + 1, (int) straight.invokeExact(i));
        }), "one poll per call of a straight-line method");
        assertEquals(1 + 10, pollsDuring(trap, () -> assertEquals(45, (int) loop.invokeExact(10))),
                "entry plus one per back-edge");
        assertEquals(1, pollsDuring(trap, () -> assertEquals(0, (int) loop.invokeExact(0))));
        assertEquals(2, pollsDuring(trap, () -> assertEquals(1, (int) catching.invokeExact())),
                "entry plus handler entry");
        assertEquals(3, pollsDuring(trap, () -> {
            Object o = (Object) construct.invokeExact();
        }), "entry, <clinit> and <init> the first time");
        assertEquals(2, pollsDuring(trap, () -> {
            Object o = (Object) construct.invokeExact();
        }), "entry and <init> afterwards");
    }

    @Test
    void oldClassFilesWithoutStackMapsAreInstrumentedToo() throws Exception {
        var main = java.lang.constant.ClassDesc.of("old.Main");
        var mainType = java.lang.constant.MethodTypeDesc.of(java.lang.constant.ConstantDescs.CD_void,
                java.lang.constant.ConstantDescs.CD_String.arrayType());
        byte[] bytes = ClassFile.of().build(main, b -> b.withVersion(ClassFile.JAVA_5_VERSION, 0)
                .withFlags(ClassFile.ACC_PUBLIC)
                .withMethodBody("main", mainType, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, c -> {
                    var top = c.newLabel();
                    var end = c.newLabel();
                    c.iconst_0().istore(1);
                    c.labelBinding(top);
                    c.iload(1).iconst_5().if_icmpge(end);
                    c.iinc(1, 1).goto_(top);
                    c.labelBinding(end);
                    c.return_();
                }));
        LoadedProgram old = loader.load(JarImage.of("old", "old.Main", Map.of("old/Main.class", bytes)));
        assertEquals(1 + 5, pollsDuring(new CountingTrap(), () -> old.runMain(new String[0])));
    }

    @Test
    void outsideAProcessPollDoesNothing() throws Throwable {
        Class<?> counting = loader.load(TestPrograms.image("counting")).mainClass();
        assertFalse(Trap.CURRENT.isBound());
        assertEquals(45, (int) method(counting, "loop", MethodType.methodType(int.class, int.class)).invokeExact(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spinner", "catcher", "syncspinner"})
    void aSpinningProcessIsKilledEvenIfItCatchesThrowable(String program) throws Exception {
        Throwable outcome = assertKilled(program, loader.load(TestPrograms.image(program)));
        if (!(outcome instanceof IllegalMonitorStateException)) { // see lockspinner
            assertInstanceOf(CountingTrap.Killed.class, outcome, program);
        }
    }

    @Test
    void aKillReleasesTheMonitorsOfTheFramesItUnwinds() throws Exception {
        LoadedProgram program = loader.load(TestPrograms.image("lockspinner"));
        Throwable outcome = assertKilled("lockspinner", program);
        // The JVM releases a monitor that a frame still holds as an exception unwinds it, and
        // then reports IllegalMonitorStateException instead: the kernel must go by its kill flag.
        assertTrue(outcome instanceof CountingTrap.Killed || outcome instanceof IllegalMonitorStateException,
                String.valueOf(outcome));
        Object lock = program.mainClass().getField("LOCK").get(null);
        Thread taker = Thread.ofPlatform().start(() -> {
            synchronized (lock) {
                lock.hashCode();
            }
        });
        assertTrue(taker.join(Duration.ofSeconds(5)), "the killed process still holds its monitor");
    }

    @Test
    void craftedHandlersCannotTrapTheKill() throws Exception {
        ClassDesc main = ClassDesc.of("p.Main");
        MethodTypeDesc voidType = MethodTypeDesc.of(ConstantDescs.CD_void);
        // A catch-all handler that protects itself and calls: the callee's entry poll throws
        // inside the handler's own range.
        byte[] selfProtecting = program(main, c -> {
            Label start = c.newLabel();
            Label handler = c.newLabel();
            Label end = c.newLabel();
            c.labelBinding(start);
            c.aconst_null().athrow();
            c.labelBinding(handler);
            c.pop();
            c.invokestatic(main, "step", voidType);
            c.goto_(start);
            c.labelBinding(end);
            c.exceptionCatchAll(start, end, handler);
        });
        // Two handlers protecting each other's entries: a null is thrown back and forth forever.
        byte[] pingPong = program(main, c -> {
            Label start = c.newLabel();
            Label h1 = c.newLabel();
            Label h2 = c.newLabel();
            Label end = c.newLabel();
            c.labelBinding(start);
            c.aconst_null().athrow();
            c.labelBinding(h1);
            c.pop().aconst_null().athrow();
            c.labelBinding(h2);
            c.pop().aconst_null().athrow();
            c.labelBinding(end);
            c.exceptionCatchAll(start, h1, h1);
            c.exceptionCatchAll(h1, h2, h2);
            c.exceptionCatchAll(h2, end, h1);
        });
        // monitorexit of a monitor not held throws IllegalMonitorStateException inside the
        // handler's own range: a loop without any branch or call.
        byte[] monitorSpin = program(main, c -> {
            Label start = c.newLabel();
            Label handler = c.newLabel();
            Label end = c.newLabel();
            c.new_(ConstantDescs.CD_Object).dup()
                    .invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, voidType).astore(1);
            c.labelBinding(start);
            c.aconst_null().athrow();
            c.labelBinding(handler);
            c.astore(2).aload(1).monitorexit();
            c.labelBinding(end);
            c.aload(2).athrow();
            c.exceptionCatchAll(start, end, handler);
        });
        Map<String, byte[]> programs = Map.of("selfprotecting", selfProtecting, "pingpong", pingPong,
                "monitorspin", monitorSpin);
        for (Map.Entry<String, byte[]> p : new java.util.TreeMap<>(programs).entrySet()) {
            Throwable outcome = assertKilled(p.getKey(),
                    loader.load(JarImage.of(p.getKey(), "p.Main", Map.of("p/Main.class", p.getValue()))));
            assertInstanceOf(CountingTrap.Killed.class, outcome, p.getKey());
        }
    }

    private static byte[] program(ClassDesc main, java.util.function.Consumer<java.lang.classfile.CodeBuilder> body) {
        MethodTypeDesc mainType = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String.arrayType());
        return ClassFile.of().build(main, b -> b.withFlags(ClassFile.ACC_PUBLIC)
                .withMethodBody("main", mainType, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, body)
                .withMethodBody("step", MethodTypeDesc.of(ConstantDescs.CD_void), ClassFile.ACC_STATIC,
                        c -> c.return_()));
    }

    /**
     * Runs {@code program} as a process until it has polled a while, kills it, expects it gone
     * within 5 s; returns what main threw.
     */
    private static Throwable assertKilled(String name, LoadedProgram program) throws Exception {
        CountingTrap trap = new CountingTrap();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread process = Thread.ofVirtual().name(name).start(() -> {
            try {
                TestPrograms.asProcess(trap, () -> {
                    try {
                        program.runMain(new String[0]);
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                    return null;
                });
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (trap.polls() < 10_000 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertTrue(trap.polls() >= 10_000, name + " polls while it spins: " + trap.polls());
        long killedAt = System.nanoTime();
        trap.kill();
        assertTrue(process.join(Duration.ofSeconds(5)), name + " still running after the kill");
        System.out.printf("%s: killed after %d polls, terminated %.3f ms after the kill%n",
                name, trap.polls(), (System.nanoTime() - killedAt) / 1e6);
        return outcome.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "features", "spinner", "catcher", "syncspinner", "counting"})
    void instrumentedClassesPassTheClassFileVerifierAndPollAtEveryMethodEntry(String program) throws Exception {
        JarImage image = TestPrograms.image(program);
        SystemLibraryLoader system = new SystemLibraryLoader();
        Map<String, ClassModel> models = new ProgramVerifier(system).verify(image);
        ClassHierarchyResolver resolver = ClassHierarchyResolver.ofResourceParsing(
                        desc -> {
                            String d = desc.descriptorString();
                            byte[] bytes = image.entry(d.substring(1, d.length() - 1) + ".class");
                            return bytes == null ? null : new java.io.ByteArrayInputStream(bytes);
                        })
                .orElse(ClassHierarchyResolver.ofResourceParsing(system));
        for (ClassModel model : models.values()) {
            byte[] instrumented = new Instrumenter().instrument(model, resolver);
            ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver));
            List<VerifyError> errors = classFile.verify(instrumented);
            assertTrue(errors.isEmpty(), model.thisClass().asInternalName() + ": " + errors);
            for (MethodModel method : classFile.parse(instrumented).methods()) {
                CodeModel code = method.code().orElse(null);
                if (code == null) continue;
                var first = code.elementStream().filter(e -> e instanceof InvokeInstruction
                        || e instanceof java.lang.classfile.Instruction).findFirst().orElseThrow();
                assertTrue(first instanceof InvokeInstruction i && i.owner().asInternalName().equals("minixj/lib/ipc/Poll")
                                && i.name().equalsString("poll"),
                        model.thisClass().asInternalName() + "." + method.methodName() + " starts with " + first);
            }
        }
    }
}
