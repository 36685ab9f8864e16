package minixj.tests.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md §5: servers, drivers, file systems and commands depend on
 * lib only and never on each other; lib depends on nothing of MinixJ but itself; only the kernel
 * (and the launcher) touch the host; no mutable static state outside boot's entry point.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("minixj");
    }

    private static final String[] USER_SPACE = {"minixj.servers..", "minixj.fs..", "minixj.drivers..", "minixj.commands.."};

    @Test
    void libDependsOnNothingElseOfMinixj() {
        noClasses().that().resideInAPackage("minixj.lib..")
                .should().dependOnClassesThat().resideInAnyPackage("minixj.kernel..", "minixj.boot..", "minixj.servers..",
                        "minixj.fs..", "minixj.drivers..", "minixj.commands..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void userSpaceDependsOnLibOnly() {
        noClasses().that().resideInAnyPackage(USER_SPACE)
                .should().dependOnClassesThat().resideInAnyPackage("minixj.kernel..", "minixj.boot..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void serversDriversFileSystemsAndCommandsDoNotImportEachOther() {
        for (String own : USER_SPACE) {
            String[] others = java.util.Arrays.stream(USER_SPACE).filter(p -> !p.equals(own)).toArray(String[]::new);
            noClasses().that().resideInAPackage(own).should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true).check(classes);
        }
        // Within servers, no server imports another server's classes.
        String[] servers = {"rs", "ds", "pm", "vm", "vfs", "sched", "is"};
        for (String s : servers) {
            for (String t : servers) {
                if (s.equals(t)) continue;
                noClasses().that().resideInAPackage("minixj.servers." + s + "..")
                        .should().dependOnClassesThat().resideInAPackage("minixj.servers." + t + "..")
                        .allowEmptyShould(true).check(classes);
            }
        }
    }

    private static final java.util.Set<String> HOST_SYSTEM_MEMBERS = java.util.Set.of("exit", "getenv", "getProperty",
            "setProperty", "getProperties", "currentTimeMillis", "nanoTime", "load", "loadLibrary", "setIn", "setOut",
            "setErr", "in", "out", "err", "console", "inheritedChannel", "gc", "runFinalization");

    @Test
    void onlyTheKernelAndLauncherTouchTheHost() {
        com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaAccess<?>> hostAccess =
                com.tngtech.archunit.base.DescribedPredicate.describe("a host-touching member of System, Runtime, "
                        + "ProcessBuilder or Thread", a -> {
                    String owner = a.getTargetOwner().getName();
                    String name = a.getTarget().getName();
                    return (owner.equals("java.lang.System") && HOST_SYSTEM_MEMBERS.contains(name))
                            || owner.equals("java.lang.Runtime") || owner.equals("java.lang.ProcessBuilder")
                            || (owner.equals("java.lang.Thread") && (name.equals("<init>") || name.equals("start")
                            || name.equals("sleep") || name.startsWith("ofPlatform") || name.startsWith("ofVirtual")
                            || name.equals("startVirtualThread")));
                });
        ArchRule rule = noClasses().that().resideInAnyPackage("minixj.lib..", "minixj.servers..", "minixj.fs..",
                        "minixj.drivers..", "minixj.commands..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..",
                        "java.net..", "java.lang.reflect..", "java.util.concurrent..", "java.lang.foreign..")
                .orShould().accessTargetWhere(hostAccess)
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void noMutableStaticStateOutsideBootEntryPoint() {
        fields().that().areStatic().and().areDeclaredInClassesThat().resideOutsideOfPackage("minixj.boot..")
                .should().beFinal().allowEmptyShould(true).check(classes);
    }

    @Test
    void staticConstantsOfTheLibraryAreNotMutableContainers() {
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAnyPackage("minixj.lib..", "minixj.servers..",
                        "minixj.fs..", "minixj.drivers..", "minixj.commands..")
                .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .should().haveRawType(new com.tngtech.archunit.base.DescribedPredicate<>("an immutable type") {
                    @Override
                    public boolean test(com.tngtech.archunit.core.domain.JavaClass type) {
                        if (type.isPrimitive() || type.isEnum() || type.isRecord()) return true;
                        String n = type.getName();
                        return n.equals("java.lang.String") || n.startsWith("java.lang.invoke.VarHandle")
                                || n.equals("java.lang.ScopedValue") || n.startsWith("java.lang.Integer")
                                || n.startsWith("java.lang.Long") || n.startsWith("java.util.regex.Pattern")
                                || n.startsWith("java.nio.charset.Charset") || n.startsWith("java.util.Set")
                                || n.startsWith("java.util.List") || n.startsWith("java.util.Map");
                    }
                })
                .allowEmptyShould(true).check(classes);
    }
}
