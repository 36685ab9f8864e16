package minixj.kernel.loader;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodBuilder;
import java.lang.classfile.MethodElement;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 *   <li>at the entry of every exception handler, after all labels at that offset, so that the
 *       handler's {@code catch (Throwable t)} cannot swallow a kill: the poll throws again. The
 *       exception is a handler that protects its own entry (javac's {@code synchronized}
 *       cleanup): a poll there would catch its own error forever (see {@link HandlerTable}).</li>
 * </ul>
 * Stack map frames are regenerated, which needs the class hierarchy of the program, the
 * library and the JDK: hence the resolver argument.
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
                ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
        return classFile.transformClass(model, ClassTransform.transformingMethods(Instrumenter::method));
    }

    private static void method(MethodBuilder builder, MethodElement element) {
        if (element instanceof CodeModel code) {
            Set<Label> handlers = code instanceof CodeAttribute attribute
                    ? new HandlerTable(attribute).polledHandlers()
                    : Set.of();
            builder.transformCode(code, new PollTransform(handlers));
        } else {
            builder.with(element);
        }
    }

    private static void poll(CodeBuilder builder) {
        builder.invokestatic(POLL, POLL_NAME, POLL_TYPE);
    }

    /** One method body; elements arrive in code order, so a bound label means "behind us". */
    private static final class PollTransform implements CodeTransform {
        private final Set<Label> handlers;
        private final Set<Label> bound = new HashSet<>();
        private boolean handlerPollPending;

        PollTransform(Set<Label> handlers) {
            this.handlers = handlers;
        }

        @Override
        public void atStart(CodeBuilder builder) {
            poll(builder);
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (element instanceof LabelTarget target) {
                builder.with(element);
                bound.add(target.label());
                if (handlers.contains(target.label())) handlerPollPending = true;
                return;
            }
            if (element instanceof Instruction) {
                if (handlerPollPending) {
                    // After every label at this offset: try ranges ending here must not cover it.
                    poll(builder);
                    handlerPollPending = false;
                }
                if (isBackward(element)) poll(builder);
            }
            builder.with(element);
        }

        private boolean isBackward(CodeElement element) {
            return switch (element) {
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
