package minixj.kernel.loader;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodBuilder;
import java.lang.classfile.MethodElement;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Inserts {@code invokestatic minixj/lib/ipc/Poll.poll()V} into program classes, with the JDK's
 * {@code java.lang.classfile} API, so that the kernel can preempt, stop and kill a process that
 * never calls it.
 *
 * <p>A poll goes
 * <ul>
 *   <li>at the entry of every method with code, constructors and {@code <clinit>} included
 *       (a static call that does not touch {@code this} is legal before the super call);</li>
 *   <li>immediately before every backward branch or switch: one whose target label is bound at
 *       or before it, so every loop polls once per iteration;</li>
 *   <li>at the entry of every exception handler, outside every exception range of the method:
 *       ranges that cover a handler's entry are split around its poll. A kill thrown there
 *       therefore always leaves the method, so no {@code catch (Throwable t)}, {@code finally},
 *       {@code synchronized} cleanup (which protects itself) or crafted handler cycle can catch
 *       it again: every cycle through a handler polls, and the poll's error cannot be caught in
 *       the frame that polled. This skips the frame's {@code finally} blocks, like SIGKILL.</li>
 * </ul>
 * A kill that unwinds a frame still holding a {@code synchronized} block's monitor (its cleanup
 * handler was skipped) has the monitor released by the JVM, which then reports
 * {@link IllegalMonitorStateException} in place of the kill's error; handlers further out poll
 * and throw the kill again. So the kernel must judge a killed process by its own kill flag, not
 * by the type of what {@code main} threw.
 * Stack map frames are regenerated (class files of version 50 and up), which needs the class
 * hierarchy of the program, the library and the JDK: hence the resolver argument.
 *
 * <p>TODO (measured cost, jvm-measurements.md section 3): a volatile load in a hot, vectorizable
 * inner loop can cost up to 7x. Skipping the back-edge poll of innermost counted int loops
 * without calls (they are bounded; the enclosing back-edge still polls) would recover most of
 * it. Not built: measure on MinixJ programs first.
 *
 * <p>Holds no state; thread-safe.
 */
public final class Instrumenter {
    /** The poll's owner, {@code minixj.lib.ipc.Poll}. */
    static final ClassDesc POLL = ClassDesc.of("minixj.lib.ipc.Poll");
    /** The poll's name. */
    static final String POLL_NAME = "poll";
    /** The poll's type, {@code ()V}. */
    static final MethodTypeDesc POLL_TYPE = MethodTypeDesc.of(ConstantDescs.CD_void);

    /**
     * The instrumented bytes of {@code model}. {@code resolver} must know every class the
     * program's code merges on the stack: the program's own, the library's and the JDK's.
     *
     * @throws IllegalArgumentException when a class needed for stack maps cannot be resolved or
     *                                  the code is malformed
     */
    public byte[] instrument(ClassModel model, ClassHierarchyResolver resolver) {
        ClassFile classFile = ClassFile.of(
                ClassFile.ClassHierarchyResolverOption.of(resolver),
                ClassFile.StackMapsOption.STACK_MAPS_WHEN_REQUIRED); // regenerated, for version >= 50
        return classFile.transformClass(model, ClassTransform.transformingMethods(Instrumenter::method));
    }

    private static void method(MethodBuilder builder, MethodElement element) {
        if (element instanceof CodeAttribute code) {
            builder.transformCode(code, new PollTransform(code));
        } else {
            builder.with(element);
        }
    }

    private static void poll(CodeBuilder builder) {
        builder.invokestatic(POLL, POLL_NAME, POLL_TYPE);
    }

    /** One method body; elements arrive in code order, so a bound label means "behind us". */
    private static final class PollTransform implements CodeTransform {
        private final CodeAttribute code;
        /** Offset of each handler entry to a label bound there (in the original code). */
        private final NavigableMap<Integer, Label> handlers = new TreeMap<>();
        /** Offset of each handler entry to a new label bound just after its poll. */
        private final Map<Integer, Label> afterPoll = new HashMap<>();
        private final Set<Label> bound = new HashSet<>();
        private int pendingHandler = -1;

        PollTransform(CodeAttribute code) {
            this.code = code;
            for (ExceptionCatch c : code.exceptionHandlers()) handlers.put(code.labelToBci(c.handler()), c.handler());
        }

        @Override
        public void atStart(CodeBuilder builder) {
            for (int offset : handlers.keySet()) afterPoll.put(offset, builder.newLabel());
            poll(builder);
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            switch (element) {
                case LabelTarget target -> {
                    builder.with(element);
                    bound.add(target.label());
                    int offset = code.labelToBci(target.label());
                    if (handlers.containsKey(offset)) pendingHandler = offset;
                }
                case ExceptionCatch c -> splitAroundHandlerPolls(builder, c);
                case Instruction i -> {
                    if (pendingHandler >= 0) {
                        // After every label at this offset, so that ranges ending here exclude it.
                        poll(builder);
                        builder.labelBinding(afterPoll.get(pendingHandler));
                        pendingHandler = -1;
                    }
                    if (isBackward(i)) poll(builder);
                    builder.with(i);
                }
                default -> builder.with(element);
            }
        }

        /** The range of {@code c} minus the handler-entry polls inside it, in order. */
        private void splitAroundHandlerPolls(CodeBuilder builder, ExceptionCatch c) {
            int start = code.labelToBci(c.tryStart());
            int end = code.labelToBci(c.tryEnd());
            Label pieceStart = c.tryStart();
            int pieceStartOffset = start;
            for (Map.Entry<Integer, Label> handler : handlers.subMap(start, true, end, false).entrySet()) {
                if (handler.getKey() > pieceStartOffset) {
                    builder.exceptionCatch(pieceStart, handler.getValue(), c.handler(), c.catchType());
                }
                pieceStart = afterPoll.get(handler.getKey());
                pieceStartOffset = handler.getKey();
            }
            // The last piece starts after a poll, so it is never empty unless the range was.
            if (end > start) builder.exceptionCatch(pieceStart, c.tryEnd(), c.handler(), c.catchType());
        }

        private boolean isBackward(Instruction instruction) {
            return switch (instruction) {
                case BranchInstruction b -> bound.contains(b.target());
                case TableSwitchInstruction s -> bound.contains(s.defaultTarget()) || anyBound(s.cases());
                case LookupSwitchInstruction s -> bound.contains(s.defaultTarget()) || anyBound(s.cases());
                default -> false;
            };
        }

        private boolean anyBound(List<SwitchCase> cases) {
            for (SwitchCase c : cases) {
                if (bound.contains(c.target())) return true;
            }
            return false;
        }
    }
}
