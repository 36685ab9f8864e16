package minixj.kernel.loader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The host APIs a program may not reference: the rule data of {@link ProgramVerifier}, all in
 * this one table.
 *
 * <p>A rule names an owner in internal form: a class ({@code java/io/File}) or, ending with
 * {@code /}, a package and its subpackages ({@code java/nio/file/}). A <em>class rule</em>
 * forbids every reference to the class (and its nested classes): class constants, casts,
 * supertypes and all its members. A <em>member rule</em> forbids only the methods or fields of
 * the owner whose name matches a regular expression (and, if given, whose descriptor matches
 * another); it also applies when the member is reached through a subtype, e.g.
 * {@code MyClass.wait()} is {@code Object.wait()}. The first matching rule gives the reason.
 *
 * <p>Why each group: a process may touch the outside world only through the kernel's trap, so
 * host files, sockets, the console, the environment, time, native code, processes and threads
 * are the host's; blocking outside the kernel makes a process unkillable; reflection, class
 * loading and JDK internals would reach around the verifier; code run on a host thread (common
 * pool, timers, cleaners, parallel streams) escapes the poll, and so the kill.
 */
final class ForbiddenApis {
    private ForbiddenApis() {
    }

    /** One rule; {@code members == null} makes it a class rule. */
    record Rule(String owner, Pattern members, Pattern descriptor, String reason) {
        boolean isClassRule() {
            return members == null;
        }

        boolean matchesMember(String name, String type) {
            return members.matcher(name).matches() && (descriptor == null || descriptor.matcher(type).matches());
        }
    }

    static final String FILES = "host file access is forbidden";
    static final String NET = "host network access is forbidden";
    static final String CONSOLE = "the host console is forbidden";
    static final String HOST = "the host environment is forbidden";
    static final String TIME = "time comes from the kernel";
    static final String PROCESS = "host process control is forbidden";
    static final String THREADS = "threads belong to the kernel";
    static final String BLOCKING = "blocking outside the kernel is forbidden";
    static final String REFLECT = "class loading and reflection are forbidden";
    static final String NATIVE = "native access is forbidden";
    static final String MANAGEMENT = "host management is forbidden";
    static final String DESKTOP = "the host desktop is forbidden";
    static final String INTERNAL = "JDK internals are forbidden";
    static final String KERNEL = "kernel internals are invisible to programs";
    static final String SCOPED = "binding scoped values is forbidden";
    static final String SYSTEM = "only System.arraycopy, identityHashCode and lineSeparator are allowed";

    /** Descriptors of the timed (host-clock) variants of blocking calls. */
    private static final String TIMED = ".*Ljava/util/concurrent/TimeUnit;\\).*";
    /** Constructors that open a host file by name. */
    private static final String OPENS_FILE = "\\((Ljava/lang/String;|Ljava/io/File;).*";

    /**
     * Packages where a program may not define classes: the JDK's, and the system library's (a
     * program's own {@code minixj/lib/ipc/Poll} would turn its polls off).
     */
    static final List<String> RESERVED_PACKAGES =
            List.of("java/", "javax/", "jdk/", "sun/", "com/sun/", "minixj/lib/");

    /** The rules, in priority order. */
    static final List<Rule> RULES = List.of(
            // Files, sockets, console, host state.
            type("java/io/File", FILES),
            type("java/io/FileInputStream", FILES),
            type("java/io/FileOutputStream", FILES),
            type("java/io/FileReader", FILES),
            type("java/io/FileWriter", FILES),
            type("java/io/RandomAccessFile", FILES),
            type("java/io/FileDescriptor", FILES),
            type("java/nio/file/", FILES),
            type("java/nio/channels/", FILES),
            type("java/util/zip/ZipFile", FILES),
            type("java/util/jar/JarFile", FILES),
            member("java/io/PrintStream", "<init>", OPENS_FILE, FILES),
            member("java/io/PrintWriter", "<init>", OPENS_FILE, FILES),
            member("java/util/Formatter", "<init>", OPENS_FILE, FILES),
            type("java/io/Console", CONSOLE),
            type("java/lang/IO", CONSOLE),
            member("java/lang/Throwable", "printStackTrace", "\\(\\)V", CONSOLE),
            member("java/lang/Thread", "dumpStack", null, CONSOLE),
            type("java/util/logging/", HOST),
            type("java/util/prefs/", HOST),
            type("java/lang/System$Logger", HOST),
            type("java/lang/System$LoggerFinder", HOST),
            type("java/lang/SecurityManager", HOST),
            type("java/security/Security", HOST),
            type("java/security/Policy", HOST),
            type("java/net/", NET),
            type("javax/net/", NET),
            type("java/rmi/", NET),
            type("javax/rmi/", NET),
            type("javax/naming/", NET),
            // System: a few pure helpers only.
            member("java/lang/System", "currentTimeMillis|nanoTime", null, TIME),
            member("java/lang/System", "exit", null, PROCESS),
            member("java/lang/System", "in|out|err|setIn|setOut|setErr|console", null, CONSOLE),
            member("java/lang/System", "load|loadLibrary|mapLibraryName", null, NATIVE),
            member("java/lang/System", "getenv|getProperty|getProperties|setProperty|setProperties|clearProperty",
                    null, HOST),
            member("java/lang/System", "(?!(arraycopy|identityHashCode|lineSeparator)$).*", null, SYSTEM),
            // Time.
            member("java/time/", "now", null, TIME),
            member("java/time/Clock", "system.*|tick(Millis|Seconds|Minutes)", null, TIME),
            member("java/time/InstantSource", "system", null, TIME),
            member("java/util/Date", "<init>", "\\(\\)V", TIME),
            member("java/util/Calendar", "getInstance", null, TIME),
            member("java/util/GregorianCalendar", "<init>",
                    "\\((Ljava/util/TimeZone;)?(Ljava/util/Locale;)?\\)V", TIME),
            // Processes and threads.
            type("java/lang/Runtime", PROCESS),
            type("java/lang/ProcessBuilder", PROCESS),
            type("java/lang/Process", PROCESS),
            type("java/lang/ProcessHandle", PROCESS),
            member("java/lang/Thread",
                    "<init>|start|ofPlatform|ofVirtual|startVirtualThread|setDaemon|setPriority|stop|suspend|resume"
                            + "|setUncaughtExceptionHandler|setDefaultUncaughtExceptionHandler|getThreadGroup"
                            + "|enumerate|activeCount|getAllStackTraces",
                    null, THREADS),
            member("java/lang/Thread", "sleep|join", null, BLOCKING),
            member("java/lang/Thread", "getContextClassLoader|setContextClassLoader", null, REFLECT),
            type("java/lang/Thread$Builder", THREADS),
            type("java/lang/ThreadGroup", THREADS),
            type("java/util/Timer", THREADS),
            type("java/lang/ref/Cleaner", THREADS),
            type("java/util/concurrent/Executors", THREADS),
            type("java/util/concurrent/ThreadPoolExecutor", THREADS),
            type("java/util/concurrent/ScheduledThreadPoolExecutor", THREADS),
            type("java/util/concurrent/ForkJoinPool", THREADS),
            type("java/util/concurrent/CompletableFuture", THREADS),
            type("java/util/concurrent/StructuredTaskScope", THREADS),
            type("java/util/concurrent/SubmissionPublisher", THREADS),
            type("java/util/stream/StreamSupport", THREADS),
            member("java/util/concurrent/ForkJoinTask", "fork|invokeAll|join|quietlyJoin", null, THREADS),
            member("java/util/Collection", "parallelStream", null, THREADS),
            member("java/util/stream/BaseStream", "parallel", null, THREADS),
            member("java/util/Arrays", "parallel.*", null, THREADS),
            member("java/util/concurrent/ConcurrentHashMap", ".*", "\\(J.*", THREADS),
            // Blocking outside the kernel.
            member("java/lang/Object", "wait", null, BLOCKING),
            type("java/util/concurrent/locks/LockSupport", BLOCKING),
            member("java/util/concurrent/locks/Condition", "await.*", null, BLOCKING),
            member("java/util/concurrent/locks/Lock", "lockInterruptibly", null, BLOCKING),
            member("java/util/concurrent/locks/Lock", "tryLock", TIMED, BLOCKING),
            member("java/lang/ref/ReferenceQueue", "remove", null, BLOCKING),
            member("java/util/concurrent/Future", "get", null, BLOCKING),
            member("java/util/concurrent/BlockingQueue", "take|put", null, BLOCKING),
            member("java/util/concurrent/BlockingQueue", "poll|offer", TIMED, BLOCKING),
            member("java/util/concurrent/BlockingDeque", "takeFirst|takeLast|putFirst|putLast", null, BLOCKING),
            member("java/util/concurrent/BlockingDeque", "pollFirst|pollLast|offerFirst|offerLast", TIMED, BLOCKING),
            member("java/util/concurrent/TransferQueue", "transfer", null, BLOCKING),
            member("java/util/concurrent/TransferQueue", "tryTransfer", TIMED, BLOCKING),
            member("java/util/concurrent/CountDownLatch", "await", null, BLOCKING),
            member("java/util/concurrent/CyclicBarrier", "await", null, BLOCKING),
            member("java/util/concurrent/Semaphore", "acquire|acquireUninterruptibly", null, BLOCKING),
            member("java/util/concurrent/Semaphore", "tryAcquire", TIMED, BLOCKING),
            member("java/util/concurrent/Exchanger", "exchange", null, BLOCKING),
            member("java/util/concurrent/Phaser", "awaitAdvance.*|arriveAndAwaitAdvance", null, BLOCKING),
            member("java/util/concurrent/TimeUnit", "sleep|timedJoin|timedWait", null, BLOCKING),
            // Class loading, reflection, method handles by name. javac's bootstraps
            // (LambdaMetafactory, StringConcatFactory, ObjectMethods, SwitchBootstraps) stay allowed.
            type("java/lang/ClassLoader", REFLECT),
            type("java/security/SecureClassLoader", REFLECT),
            type("java/util/ServiceLoader", REFLECT),
            type("java/lang/reflect/Proxy", REFLECT),
            type("java/lang/Module", REFLECT),
            type("java/lang/ModuleLayer", REFLECT),
            type("java/lang/module/", REFLECT),
            type("java/lang/instrument/", REFLECT),
            type("java/lang/StackWalker", REFLECT),
            type("java/beans/Beans", REFLECT), // java.beans: only what calls or loads by name
            type("java/beans/Statement", REFLECT),
            type("java/beans/Expression", REFLECT),
            type("java/beans/EventHandler", REFLECT),
            type("java/beans/XMLDecoder", REFLECT),
            type("java/beans/XMLEncoder", REFLECT),
            type("java/beans/Introspector", REFLECT),
            type("java/beans/PropertyEditorManager", REFLECT),
            type("javax/script/", REFLECT),
            type("javax/tools/", REFLECT),
            type("javax/xml/", REFLECT),
            type("org/xml/sax/helpers/XMLReaderFactory", REFLECT),
            type("java/sql/DriverManager", REFLECT),
            type("javax/sql/", REFLECT),
            member("java/lang/Class", "forName|getClassLoader|newInstance|getProtectionDomain|getDeclared.*",
                    null, REFLECT),
            member("java/lang/reflect/AccessibleObject", "setAccessible|trySetAccessible", null, REFLECT),
            member("java/lang/reflect/Method", "invoke", null, REFLECT),
            member("java/lang/reflect/Constructor", "newInstance", null, REFLECT),
            member("java/lang/reflect/Field", "(get|set)(Boolean|Byte|Char|Short|Int|Long|Float|Double)?", null,
                    REFLECT),
            member("java/lang/invoke/MethodHandles", "privateLookupIn|reflectAs", null, REFLECT),
            member("java/lang/invoke/MethodHandles$Lookup",
                    "find.*|unreflect.*|define.*|accessClass|ensureInitialized|revealDirect", null, REFLECT),
            member("java/lang/invoke/MethodHandleInfo", "reflectAs", null, REFLECT),
            member("java/lang/invoke/ConstantBootstraps", "getStaticFinal|fieldVarHandle|staticFieldVarHandle",
                    null, REFLECT),
            // Scoped values: reading is fine; binding could replace the process's Trap.
            member("java/lang/ScopedValue", "where", null, SCOPED),
            type("java/lang/ScopedValue$Carrier", SCOPED),
            // Native code, management, desktop, internals, the kernel.
            type("java/lang/foreign/", NATIVE),
            type("java/lang/management/", MANAGEMENT),
            type("javax/management/", MANAGEMENT),
            type("java/awt/", DESKTOP),
            type("java/applet/", DESKTOP),
            type("javax/swing/", DESKTOP),
            type("javax/sound/", DESKTOP),
            type("javax/print/", DESKTOP),
            type("javax/imageio/", DESKTOP),
            type("sun/", INTERNAL),
            type("jdk/", INTERNAL),
            type("com/sun/", INTERNAL),
            type("minixj/kernel/", KERNEL));

    /** Rules by exact owner class; package rules separately. Built once, never changed. */
    private static final Map<String, List<Rule>> BY_CLASS;
    private static final List<Rule> BY_PACKAGE;

    static {
        Map<String, List<Rule>> byClass = new HashMap<>();
        List<Rule> byPackage = new ArrayList<>();
        for (Rule rule : RULES) {
            if (rule.owner().endsWith("/")) byPackage.add(rule);
            else byClass.computeIfAbsent(rule.owner(), k -> new ArrayList<>()).add(rule);
        }
        byClass.replaceAll((k, v) -> List.copyOf(v));
        BY_CLASS = Map.copyOf(byClass);
        BY_PACKAGE = List.copyOf(byPackage);
    }

    private static Rule type(String owner, String reason) {
        return new Rule(owner, null, null, reason);
    }

    private static Rule member(String owner, String members, String descriptor, String reason) {
        return new Rule(owner, Pattern.compile(members), descriptor == null ? null : Pattern.compile(descriptor), reason);
    }

    /** The class rule forbidding host class {@code internalName} (or an enclosing class), or null. */
    static Rule classRule(String internalName) {
        for (String c = internalName; ; c = c.substring(0, c.lastIndexOf('$'))) {
            for (Rule rule : BY_CLASS.getOrDefault(c, List.of())) {
                if (rule.isClassRule()) return rule;
            }
            if (c.lastIndexOf('$') < 0) break;
        }
        for (Rule rule : BY_PACKAGE) {
            if (rule.isClassRule() && internalName.startsWith(rule.owner())) return rule;
        }
        return null;
    }

    /** The member rule forbidding {@code name}/{@code type} as declared in host class {@code owner}, or null. */
    static Rule memberRule(String owner, String name, String type) {
        for (Rule rule : BY_CLASS.getOrDefault(owner, List.of())) {
            if (!rule.isClassRule() && rule.matchesMember(name, type)) return rule;
        }
        for (Rule rule : BY_PACKAGE) {
            if (!rule.isClassRule() && owner.startsWith(rule.owner()) && rule.matchesMember(name, type)) return rule;
        }
        return null;
    }

    /** Whether a program may not define class {@code internalName}. */
    static boolean isReserved(String internalName) {
        for (String prefix : RESERVED_PACKAGES) {
            if (internalName.startsWith(prefix)) return true;
        }
        return false;
    }
}
