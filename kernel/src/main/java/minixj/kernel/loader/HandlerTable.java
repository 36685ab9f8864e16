package minixj.kernel.loader;

import java.lang.classfile.CodeElement;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.classfile.instruction.NopInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One method's exception table in bytecode offsets: where handler-entry polls go, and whether
 * the handlers could trap a kill in an endless throw-catch loop.
 *
 * <p>A kill is an error thrown by a poll. A handler-entry poll is safe when the handler does not
 * protect its own entry: the error then leaves for an outer handler. javac's {@code synchronized}
 * cleanup handler does protect itself (it covers its own {@code monitorexit}); a poll there would
 * catch its own error forever, so such handlers get no poll, and {@link #killTrap()} insists they
 * look like javac's: only loads, stores and {@code monitorexit} until the range ends.
 */
final class HandlerTable {
    private record Entry(int start, int end, int handler, Label handlerLabel) {
        boolean covers(int bci) {
            return start <= bci && bci < end;
        }

        boolean selfProtecting() {
            return covers(handler);
        }
    }

    private final CodeAttribute code;
    private final List<Entry> entries = new ArrayList<>();

    HandlerTable(CodeAttribute code) {
        this.code = code;
        for (ExceptionCatch c : code.exceptionHandlers()) {
            entries.add(new Entry(code.labelToBci(c.tryStart()), code.labelToBci(c.tryEnd()),
                    code.labelToBci(c.handler()), c.handler()));
        }
    }

    /** Handler labels that get an entry poll: all but the self-protecting ones. */
    Set<Label> polledHandlers() {
        Set<Integer> selfProtecting = selfProtectingOffsets();
        Set<Label> polled = new HashSet<>();
        for (Entry e : entries) {
            if (!selfProtecting.contains(e.handler)) polled.add(e.handlerLabel);
        }
        return polled;
    }

    private Set<Integer> selfProtectingOffsets() {
        Set<Integer> offsets = new HashSet<>();
        for (Entry e : entries) {
            if (e.selfProtecting()) offsets.add(e.handler);
        }
        return offsets;
    }

    /**
     * Why these handlers could catch a kill forever, or {@code null} when they cannot: a
     * self-protecting handler that does more than javac's monitor cleanup, or handlers whose
     * entries protect each other in a cycle (entry poll of one caught by the next).
     */
    String killTrap() {
        if (entries.isEmpty()) return null;
        Set<Integer> selfProtecting = selfProtectingOffsets();
        Set<Integer> handlerOffsets = new TreeSet<>();
        for (Entry e : entries) handlerOffsets.add(e.handler);
        Map<Integer, Instruction> instructions = instructionsByOffset();
        for (Entry e : entries) {
            if (!e.selfProtecting()) continue;
            for (int bci = e.handler; bci < e.end; ) {
                Instruction i = instructions.get(bci);
                if (i == null) return "exception handler at " + e.handler + " protects a malformed range";
                if (bci != e.handler && handlerOffsets.contains(bci)) {
                    return "exception handler at " + e.handler + " protects another handler's entry";
                }
                if (!isCleanup(i)) {
                    return "exception handler at " + e.handler + " protects itself and runs " + i.opcode();
                }
                bci += i.sizeInBytes();
            }
        }
        // Edge h -> g: the poll at polled handler h's entry is protected by handler g.
        Map<Integer, Set<Integer>> edges = new HashMap<>();
        for (int h : handlerOffsets) {
            if (selfProtecting.contains(h)) continue;
            for (Entry g : entries) {
                if (g.handler != h && !selfProtecting.contains(g.handler) && g.covers(h)) {
                    edges.computeIfAbsent(h, k -> new TreeSet<>()).add(g.handler);
                }
            }
        }
        Set<Integer> done = new HashSet<>();
        for (int h : edges.keySet()) {
            if (cycleFrom(h, edges, new HashSet<>(), done)) {
                return "exception handlers protect each other's entries in a cycle (handler at " + h + ")";
            }
        }
        return null;
    }

    private static boolean isCleanup(Instruction i) {
        return i instanceof LoadInstruction || i instanceof StoreInstruction || i instanceof NopInstruction
                || (i instanceof MonitorInstruction && i.opcode() == Opcode.MONITOREXIT);
    }

    private static boolean cycleFrom(int node, Map<Integer, Set<Integer>> edges, Set<Integer> path, Set<Integer> done) {
        if (path.contains(node)) return true;
        if (!done.add(node)) return false;
        path.add(node);
        for (int next : edges.getOrDefault(node, Set.of())) {
            if (cycleFrom(next, edges, path, done)) return true;
        }
        path.remove(node);
        return false;
    }

    private Map<Integer, Instruction> instructionsByOffset() {
        Map<Integer, Instruction> byOffset = new HashMap<>();
        int bci = 0;
        for (CodeElement element : code) {
            if (element instanceof Instruction i) {
                byOffset.put(bci, i);
                bci += i.sizeInBytes();
            }
        }
        return byOffset;
    }
}
