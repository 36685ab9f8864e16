package minixj.kernel.loader;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses programs that reference host APIs outside the allowed set, before any of their code
 * runs.
 *
 * <p>Every {@code .class} entry of the image (in entry-name order; {@code module-info} and
 * {@code META-INF/} are ignored) is parsed and checked:
 * <ul>
 *   <li>class-file version: not newer than this JVM, no preview class files;</li>
 *   <li>the class is the one its entry names, and not in a reserved package (the JDK's and
 *       {@code minixj/lib/}: see {@link ForbiddenApis#RESERVED_PACKAGES});</li>
 *   <li>no {@code finalize()}: finalizers run on a host thread, beyond the poll's reach;</li>
 *   <li>no superclass cycle among the program's classes;</li>
 *   <li>every constant-pool reference to another class, field or method (member references
 *       first, then class constants, supertypes included; method handles and bootstrap methods
 *       of {@code invokedynamic} and dynamic constants are such references too) against
 *       {@link ForbiddenApis#RULES}. The program's own classes are always allowed; a member
 *       reached through a subtype (e.g. {@code this.wait()}) is checked against every host
 *       supertype.</li>
 * </ul>
 * The first violation refuses the whole exec with ENOEXEC and a message naming the class and
 * the reference, e.g. {@code ENOEXEC: program 'evil': class evil/Main references
 * java/io/File.<init>(Ljava/lang/String;)V (host file access is forbidden)}.
 *
 * <p>Descriptors alone (a parameter of type {@code File}) are not references and pass.
 * Thread-safe; caches the JDK's class hierarchy it reads.
 */
public final class ProgramVerifier {
    /** Oldest class-file major version accepted (Java 1.1: what the instrumenter handles). */
    static final int MIN_MAJOR = ClassFile.JAVA_1_VERSION;

    /** Supertypes and declared members of a class. */
    private record TypeInfo(String superclass, List<String> interfaces, Set<String> members) {
        static final TypeInfo UNKNOWN = new TypeInfo(null, List.of(), Set.of());

        static TypeInfo of(ClassModel model) {
            Set<String> members = new HashSet<>();
            for (MethodModel m : model.methods()) members.add(m.methodName().stringValue() + m.methodType().stringValue());
            for (FieldModel f : model.fields()) members.add(f.fieldName().stringValue() + f.fieldType().stringValue());
            return new TypeInfo(model.superclass().map(c -> c.asInternalName()).orElse(null),
                    model.interfaces().stream().map(ClassEntry::asInternalName).toList(), members);
        }
    }

    private final ClassLoader system;
    private final Map<String, TypeInfo> hostTypes = new ConcurrentHashMap<>();

    /** A verifier that reads host class hierarchies through {@code system}. */
    public ProgramVerifier(SystemLibraryLoader system) {
        this.system = system;
    }

    /**
     * Checks every class of {@code image}; returns the parsed classes by binary name, in entry
     * order.
     *
     * @throws ExecException ENOEXEC on the first violation
     */
    public Map<String, ClassModel> verify(JarImage image) throws ExecException {
        String program = image.name();
        Map<String, ClassModel> models = new LinkedHashMap<>();
        Map<String, TypeInfo> own = new HashMap<>();
        for (Map.Entry<String, byte[]> entry : image.entries().entrySet()) {
            String entryName = entry.getKey();
            if (!isClassEntry(entryName)) continue;
            checkVersion(program, entryName, entry.getValue());
            try {
                ClassModel model = ClassFile.of().parse(entry.getValue());
                checkName(program, entryName, model);
                own.put(model.thisClass().asInternalName(), TypeInfo.of(model));
                models.put(model.thisClass().asInternalName().replace('/', '.'), model);
            } catch (RuntimeException e) { // the parser is lazy: defects surface on first use
                throw ExecException.noexec(program, "malformed class file " + entryName + ": " + e.getMessage(), e);
            }
        }
        checkNoCycles(program, own);
        for (ClassModel model : models.values()) {
            try {
                checkClass(program, model, own);
            } catch (RuntimeException e) { // the parser is lazy: defects surface on first use
                throw ExecException.noexec(program, "malformed class file "
                        + model.thisClass().asInternalName() + ".class: " + e.getMessage(), e);
            }
        }
        return models;
    }

    /**
     * A superclass cycle among the program's classes would never load, and would send the
     * hierarchy walks here and in stack-map generation round forever.
     */
    private static void checkNoCycles(String program, Map<String, TypeInfo> own) throws ExecException {
        for (String start : new java.util.TreeSet<>(own.keySet())) {
            Set<String> chain = new HashSet<>();
            for (String c = start; c != null && own.containsKey(c); c = own.get(c).superclass()) {
                if (!chain.add(c)) throw ExecException.noexec(program, "the superclasses of class " + start + " form a cycle");
            }
        }
    }

    /** Whether {@code entryName} is a program class: not module-info, not under META-INF/. */
    static boolean isClassEntry(String entryName) {
        return entryName.endsWith(".class") && !entryName.startsWith("META-INF/")
                && !entryName.equals("module-info.class") && !entryName.endsWith("/module-info.class");
    }

    /** Read from the raw header: the parser itself refuses versions it does not know. */
    private static void checkVersion(String program, String entryName, byte[] bytes) throws ExecException {
        if (bytes.length < 8 || (bytes[0] & 0xff) != 0xca || (bytes[1] & 0xff) != 0xfe
                || (bytes[2] & 0xff) != 0xba || (bytes[3] & 0xff) != 0xbe) {
            return; // not a class file at all: the parser reports it as malformed
        }
        int minor = (bytes[4] & 0xff) << 8 | (bytes[5] & 0xff);
        int major = (bytes[6] & 0xff) << 8 | (bytes[7] & 0xff);
        if (major > ClassFile.latestMajorVersion()) {
            throw ExecException.noexec(program, entryName + " has class-file version " + major
                    + ", newer than this JVM supports (" + ClassFile.latestMajorVersion() + ")");
        }
        if (major < MIN_MAJOR) {
            throw ExecException.noexec(program, entryName + " has class-file version " + major
                    + ", older than " + MIN_MAJOR);
        }
        if (minor == ClassFile.PREVIEW_MINOR_VERSION) {
            throw ExecException.noexec(program, entryName + " uses preview features");
        }
    }

    private static void checkName(String program, String entryName, ClassModel model) throws ExecException {
        String name = model.thisClass().asInternalName();
        if (!entryName.equals(name + ".class")) {
            throw ExecException.noexec(program, "entry " + entryName + " holds class " + name);
        }
    }

    private void checkClass(String program, ClassModel model, Map<String, TypeInfo> own) throws ExecException {
        String name = model.thisClass().asInternalName();
        if (ForbiddenApis.isReserved(name)) {
            throw ExecException.noexec(program, "class " + name + " is in a reserved package");
        }
        for (MethodModel method : model.methods()) {
            String signature = method.methodName().stringValue() + method.methodType().stringValue();
            if (signature.equals("finalize()V") && (method.flags().flagsMask() & ClassFile.ACC_STATIC) == 0) {
                throw ExecException.noexec(program, "class " + name
                        + " declares finalize() (finalizers run on a host thread)");
            }
        }
        // Member references first: they name the most precise culprit.
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof MemberRefEntry ref) {
                String violation = checkMember(ref, own);
                if (violation != null) throw ExecException.noexec(program, "class " + name + " references " + violation);
            }
        }
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof ClassEntry c) {
                String type = elementType(c.asInternalName());
                ForbiddenApis.Rule rule = type == null || own.containsKey(type) ? null : ForbiddenApis.classRule(type);
                if (rule != null) {
                    throw ExecException.noexec(program, "class " + name + " references " + type + " (" + rule.reason() + ")");
                }
            }
        }
    }

    /** What is wrong with member reference {@code ref}, or null. */
    private String checkMember(MemberRefEntry ref, Map<String, TypeInfo> own) {
        String rawOwner = ref.owner().asInternalName();
        String owner = rawOwner.startsWith("[") ? "java/lang/Object" : rawOwner; // e.g. array clone()
        String memberName = ref.name().stringValue();
        String type = ref.type().stringValue();
        String text = rawOwner + "." + memberName + type;
        if (!own.containsKey(owner)) {
            ForbiddenApis.Rule rule = ForbiddenApis.classRule(owner);
            if (rule != null) return text + " (" + rule.reason() + ")";
        }
        // Walk the superclass chain; a program class that declares the member resolves it.
        List<String> interfaces = new ArrayList<>();
        for (String c = owner; c != null; ) {
            TypeInfo info = own.get(c);
            if (info != null) {
                if (info.members().contains(memberName + type)) return null;
            } else {
                info = hostType(c);
                ForbiddenApis.Rule rule = ForbiddenApis.memberRule(c, memberName, type);
                if (rule != null) return inherited(text, owner, c, rule);
            }
            interfaces.addAll(info.interfaces());
            c = info.superclass();
        }
        Set<String> seen = new HashSet<>();
        while (!interfaces.isEmpty()) {
            String i = interfaces.removeLast();
            if (!seen.add(i)) continue;
            TypeInfo info = own.get(i);
            if (info == null) {
                info = hostType(i);
                ForbiddenApis.Rule rule = ForbiddenApis.memberRule(i, memberName, type);
                if (rule != null) return inherited(text, owner, i, rule);
            }
            interfaces.addAll(info.interfaces());
        }
        return null;
    }

    private static String inherited(String text, String owner, String declarer, ForbiddenApis.Rule rule) {
        return text + (declarer.equals(owner) ? "" : " inherited from " + declarer) + " (" + rule.reason() + ")";
    }

    /** The class named by a class constant, arrays stripped; null for primitive arrays. */
    private static String elementType(String internalName) {
        if (!internalName.startsWith("[")) return internalName;
        String element = internalName.substring(internalName.lastIndexOf('[') + 1);
        return element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : null;
    }

    /** Supertypes of a JDK or library class, read from its class file (not loaded). */
    private TypeInfo hostType(String internalName) {
        return hostTypes.computeIfAbsent(internalName, n -> {
            try (InputStream in = system.getResourceAsStream(n + ".class")) {
                return in == null ? TypeInfo.UNKNOWN : TypeInfo.of(ClassFile.of().parse(in.readAllBytes()));
            } catch (IOException | RuntimeException e) {
                return TypeInfo.UNKNOWN;
            }
        });
    }
}
