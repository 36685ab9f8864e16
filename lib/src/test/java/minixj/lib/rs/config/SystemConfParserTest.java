package minixj.lib.rs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minixj.lib.ipc.SysCalls;
import org.junit.jupiter.api.Test;

/** The {@code system.conf} grammar of spec §5.2: every keyword, classes, warnings and errors. */
class SystemConfParserTest {
    private static ServiceConfig only(String text) throws ConfigException {
        SystemConf conf = SystemConfParser.parse("test.conf", text);
        return conf.service(conf.names().getFirst());
    }

    private static ConfigException error(String text) {
        return assertThrows(ConfigException.class, () -> {
            SystemConf conf = SystemConfParser.parse("test.conf", text);
            conf.services();
        });
    }

    @Test
    void theSpecsExampleEntry() throws ConfigException {
        ServiceConfig s = only("""
                service sensord
                {
                	uid	0;
                	ipc	SYSTEM pm rs ds vm vfs;	# talk to these only
                	system	IRQCTL DEVIO;		# extra kernel calls on top of BASIC
                	vm	BASIC;
                	io	2f8:8;			# one UART
                	irq	3;
                	pci device	8086:1234/8086:0001;
                	scheduler	KERNEL;
                	priority	3;
                	quantum		50;
                	control		sensord_helper;
                };
                """);
        assertEquals("sensord", s.name());
        assertEquals(UidSetting.of(0), s.uid());
        assertEquals(new IpcTargets(IpcTargets.Kind.LIST, List.of("SYSTEM", "pm", "rs", "ds", "vm", "vfs")), s.ipc());
        assertEquals(SysCalls.BASIC_CALLS | SysCalls.maskBit(SysCalls.SYS_IRQCTL) | SysCalls.maskBit(SysCalls.SYS_DEVIO),
                s.kernelCallMask());
        assertEquals(VmCallNames.BASIC_MASK, s.vmCallMask());
        assertEquals(List.of(new IoRange(0x2f8, 8)), s.io());
        assertFalse(s.allIo());
        assertEquals(List.of(3), s.irqs());
        assertEquals(List.of(new PciDevice(0x8086, 0x1234, 0x8086, 0x0001)), s.pciDevices());
        assertTrue(s.isKernelScheduled());
        assertEquals(3, s.priority());
        assertEquals(50, s.quantum());
        assertEquals(List.of("sensord_helper"), s.control());
        assertEquals("rs", s.signalManager());
        assertTrue(s.warnings().isEmpty());
    }

    @Test
    void anEmptyEntryGetsMinixsDefaults() throws ConfigException {
        ServiceConfig s = only("service plain { };");
        assertEquals(UidSetting.DEFAULT, s.uid());
        assertEquals(UidSetting.SERVICE_UID, s.uid().resolve(5, login -> -1));
        assertEquals(IpcTargets.DEFAULT, s.ipc());
        assertEquals("ALL_SYS", s.ipc().text());
        assertEquals(SysCalls.BASIC_CALLS, s.kernelCallMask());
        assertEquals(VmCallNames.BASIC_MASK, s.vmCallMask());
        assertEquals("rs", s.signalManager());
        assertEquals("sched", s.scheduler());
        assertEquals(7, s.priority());
        assertEquals(200, s.quantum());
        assertEquals(-1, s.cpu());
        assertFalse(s.allIo());
        assertFalse(s.allIrqs());
        assertTrue(s.io().isEmpty() && s.irqs().isEmpty() && s.pciDevices().isEmpty() && s.control().isEmpty());
        assertNull(s.type());
        assertNull(s.description());
        assertEquals(1, s.line());
        assertEquals("test.conf", s.file());
    }

    @Test
    void everyKeyword() throws ConfigException {
        ServiceConfig s = only("""
                service every {
                    uid SELF;
                    ipc ALL;
                    system ALL;
                    vm NONE;
                    io ALL;
                    irq ALL;
                    pci device 10ec/8139 0x8086:100e;
                    pci class 2 3/80 c/3/30;
                    sigmgr SELF;
                    scheduler sched;
                    priority 0;
                    quantum 1;
                    cpu 2;
                    control a b;
                    domain INET INET6 LOCAL 34;
                    type net;
                    descr "the \\"every\\" service";
                };
                """);
        assertEquals(UidSetting.Kind.SELF, s.uid().kind());
        assertEquals(42, s.uid().resolve(42, login -> -1));
        assertEquals(IpcTargets.Kind.ALL, s.ipc().kind());
        assertEquals(SysCalls.ALL_CALLS, s.kernelCallMask());
        assertEquals(0, s.vmCallMask());
        assertTrue(s.allIo());
        assertTrue(s.allIrqs());
        assertEquals(List.of(new PciDevice(0x10ec, 0x8139, -1, -1), new PciDevice(0x8086, 0x100e, -1, -1)),
                s.pciDevices());
        assertFalse(s.pciDevices().getFirst().hasSubsystem());
        assertEquals(List.of(new PciClass(0x020000, 0xff0000), new PciClass(0x038000, 0xffff00),
                new PciClass(0x0c0330, 0xffffff)), s.pciClasses());
        assertTrue(s.isOwnSignalManager());
        assertEquals("sched", s.scheduler());
        assertEquals(0, s.priority());
        assertEquals(1, s.quantum());
        assertEquals(2, s.cpu());
        assertEquals(List.of("a", "b"), s.control());
        assertEquals(List.of(2, 24, 1, 34), s.domains());
        assertEquals("net", s.type());
        assertEquals("the \"every\" service", s.description());
    }

    @Test
    void callListsAddToTheBasicSetAndNoneTakesItAway() throws ConfigException {
        SystemConf conf = SystemConfParser.parse("c.conf", """
                service a { system NONE; vm NONE; };
                service b { system NONE; system KILL; vm BASIC RS_SET_PRIV PUSH_SIG; };
                service c { system BASIC; };
                service d { system SCHEDULE SCHEDCTL; vm EXEC_NEWMEM; };
                """);
        assertEquals(0, conf.service("a").kernelCallMask());
        assertEquals(0, conf.service("a").vmCallMask());
        ServiceConfig b = conf.service("b");
        assertEquals(SysCalls.maskBit(SysCalls.SYS_KILL), b.kernelCallMask(), "NONE then a name: only the name");
        assertEquals(VmCallNames.BASIC_MASK | VmCallNames.bit("RS_SET_PRIV"), b.vmCallMask(), "PUSH_SIG allows nothing");
        assertEquals(List.of("RS_SET_PRIV", "PUSH_SIG"), b.vmCalls().names());
        assertEquals(SysCalls.BASIC_CALLS, conf.service("c").kernelCallMask());
        ServiceConfig d = conf.service("d");
        assertEquals(SysCalls.BASIC_CALLS | SysCalls.maskBit(SysCalls.SYS_SCHEDULE) | SysCalls.maskBit(SysCalls.SYS_SCHEDCTL),
                d.kernelCallMask());
        assertTrue((d.vmCallMask() & VmCallNames.bit("EXEC_NEWMEM")) != 0);
    }

    @Test
    void ipcNamesAccumulateAndAllReplaces() throws ConfigException {
        SystemConf conf = SystemConfParser.parse("i.conf", """
                service a { ipc pm; ipc vfs pm; };
                service b { ipc pm; ipc ALL_SYS; };
                service c { ipc NONE; };
                service d { uid operator; };
                """);
        assertEquals(List.of("pm", "vfs"), conf.service("a").ipc().names());
        assertEquals("pm vfs", conf.service("a").ipc().text());
        assertEquals(IpcTargets.Kind.ALL_SYS, conf.service("b").ipc().kind());
        assertEquals(List.of("NONE"), conf.service("c").ipc().names(), "NONE is a name, as in MINIX");
        UidSetting login = conf.service("d").uid();
        assertEquals(UidSetting.Kind.LOGIN, login.kind());
        assertEquals(5, login.resolve(0, name -> name.equals("operator") ? 5 : -1));
        assertEquals(-1, login.resolve(0, name -> -1));
    }

    @Test
    void aClassGivesItsSettingsAndLaterLinesOverride() throws ConfigException {
        SystemConf conf = SystemConfParser.parse("class.conf", """
                service driver_base {
                    uid 0;
                    ipc SYSTEM pm rs;
                    system IRQCTL;
                    priority 2;
                    quantum 40;
                };
                service net_base { class driver_base; type net; domain INET; };
                service mydriver {
                    class net_base;
                    priority 5;        # overrides the class
                    ipc ds;            # adds to the class's list
                    system DEVIO;
                };
                service early { priority 9; class driver_base; };
                service uses_later { class defined_later; };
                service defined_later { cpu 3; };
                """);
        ServiceConfig d = conf.service("mydriver");
        assertEquals(UidSetting.of(0), d.uid());
        assertEquals(5, d.priority());
        assertEquals(40, d.quantum());
        assertEquals(List.of("SYSTEM", "pm", "rs", "ds"), d.ipc().names());
        assertEquals(SysCalls.BASIC_CALLS | SysCalls.maskBit(SysCalls.SYS_IRQCTL) | SysCalls.maskBit(SysCalls.SYS_DEVIO),
                d.kernelCallMask());
        assertEquals("net", d.type());
        assertEquals(List.of(2), d.domains());
        assertEquals("mydriver", d.name());
        assertEquals(9, d.line());
        assertEquals(2, conf.service("early").priority(), "a class after a line overrides that line");
        assertEquals(3, conf.service("uses_later").cpu());
    }

    @Test
    void classErrors() {
        ConfigException missing = error("service a {\n class nowhere;\n};");
        assertEquals(2, missing.line());
        assertTrue(missing.getMessage().contains("class 'nowhere'"), missing.getMessage());
        ConfigException cycle = error("service a { class b; };\nservice b {\n class a;\n};");
        assertTrue(cycle.getMessage().contains("includes itself"), cycle.getMessage());
        ConfigException self = error("service a { class a; };");
        assertTrue(self.getMessage().contains("includes itself"), self.getMessage());
    }

    @Test
    void unknownKeywordsWarnWithFileAndLineAndTheRestStillCounts() throws ConfigException {
        SystemConf conf = SystemConfParser.parse("/etc/system.conf", """
                service x
                {
                	priority 3;
                	colour blue green;
                	quantum 7;
                };
                """);
        assertEquals(1, conf.warnings().size());
        ConfigWarning warning = conf.warnings().getFirst();
        assertEquals("/etc/system.conf", warning.file());
        assertEquals(4, warning.line());
        assertEquals("/etc/system.conf:4: warning: unknown keyword 'colour' in service 'x' is ignored", warning.toString());
        ServiceConfig x = conf.service("x");
        assertEquals(3, x.priority());
        assertEquals(7, x.quantum());
    }

    @Test
    void unknownCallNamesWarnAndAPrefixedNameGetsAHint() throws ConfigException {
        ServiceConfig s = only("service s {\n system SYS_DEVIO FROB;\n vm VM_MMAP;\n};");
        assertEquals(SysCalls.BASIC_CALLS, s.kernelCallMask());
        assertEquals(3, s.warnings().size());
        assertEquals("test.conf:2: warning: unknown kernel call 'SYS_DEVIO' in 'system' is ignored (write DEVIO)",
                s.warnings().get(0).toString());
        assertEquals("test.conf:2: warning: unknown kernel call 'FROB' in 'system' is ignored",
                s.warnings().get(1).toString());
        assertTrue(s.warnings().get(2).message().contains("VM call 'VM_MMAP'") && s.warnings().get(2).line() == 3);
    }

    @Test
    void aKeywordStartingALineInsideAValueListWarnsOfAMissingSemicolon() throws ConfigException {
        SystemConf conf = SystemConfParser.parse("w.conf", "service a {\n ipc pm rs\n priority 3;\n vm BASIC\n  RS_UPDATE;\n};");
        assertEquals(1, conf.warnings().size());
        assertEquals("w.conf:3: warning: 'priority' starts a line but is read as a value of 'ipc' (line 2); "
                + "is a ';' missing?", conf.warnings().getFirst().toString());
        assertEquals(List.of("pm", "rs", "priority", "3"), conf.service("a").ipc().names());
    }

    @Test
    void aDuplicateEntryWarnsAndTheFirstIsUsed() throws ConfigException {
        SystemConf conf = SystemConfParser.parse("d.conf", "service a { priority 1; };\nservice a { priority 2; };\n");
        assertEquals(List.of("a"), conf.names());
        assertEquals(1, conf.service("a").priority());
        assertEquals(2, conf.warnings().getFirst().line());
        assertNull(conf.service("absent"));
        assertFalse(conf.has("absent"));
    }

    @Test
    void syntaxErrorsNameFileLineAndWhatWasExpected() {
        ConfigException e = error("service a {\n priority 3\n quantum 4;\n};");
        assertEquals("test.conf", e.file());
        assertEquals(3, e.line());
        assertEquals("';'", e.expected());
        assertEquals("test.conf:3: expected ';' (after the value of 'priority'), found 'quantum'", e.getMessage());

        ConfigException noBrace = error("service a\n priority 3;\n");
        assertEquals(2, noBrace.line());
        assertEquals("'{'", noBrace.expected());
        assertTrue(noBrace.getMessage().startsWith("test.conf:2: expected '{'"), noBrace.getMessage());

        ConfigException noService = error("# comment\nserver a { };");
        assertEquals(2, noService.line());
        assertEquals("'service'", noService.expected());

        ConfigException noName = error("service { };");
        assertEquals("a service name", noName.expected());

        ConfigException noFinalSemicolon = error("service a {\n priority 1;\n}\nservice b { };");
        assertEquals(4, noFinalSemicolon.line());
        assertEquals("';'", noFinalSemicolon.expected());

        ConfigException endInside = error("service a {\n priority 1;\n");
        assertEquals("a keyword or '}'", endInside.expected());
        assertTrue(endInside.getMessage().endsWith("found the end of the file"), endInside.getMessage());

        ConfigException nestedBrace = error("service a {\n ipc { pm };\n};");
        assertEquals(2, nestedBrace.line());
        assertEquals("';'", nestedBrace.expected());

        ConfigException string = error("service a {\n descr \"open\n};");
        assertEquals(2, string.line());
        assertTrue(string.getMessage().contains("unterminated string"), string.getMessage());
    }

    @Test
    void valueErrorsNameFileAndLine() {
        record Case(String option, String fragment) {
        }
        List<Case> cases = List.of(
                new Case("priority 16;", "priority 16 is out of range 0..15"),
                new Case("priority high;", "expected a decimal number"),
                new Case("priority 1 2;", "expected ';'"),
                new Case("priority;", "expected a number"),
                new Case("quantum 0;", "quantum 0 is out of range 1 or more"),
                new Case("irq 16;", "IRQ 16 is out of range 0..15"),
                new Case("irq 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 0 1;", "more than 16 IRQs"),
                new Case("irq ALL 3;", "ALL stands alone"),
                new Case("io 3f8:0;", "outside the ports"),
                new Case("io ffff:2;", "outside the ports"),
                new Case("io xyz;", "expected a hexadecimal port range"),
                new Case("ipc ALL pm;", "ALL stands alone in 'ipc'"),
                new Case("system KILL ALL;", "ALL stands alone in 'system'"),
                new Case("system ALL KILL;", "ALL stands alone"),
                new Case("vm NONE BRK;", "NONE stands alone"),
                new Case("pci bus 1;", "expected 'device' or 'class'"),
                new Case("pci device 8086;", "expected a PCI id"),
                new Case("pci device 12345:1;", "expected a PCI id"),
                new Case("pci class 1/2/3/4;", "expected a PCI class"),
                new Case("pci class;", "expected PCI classes"),
                new Case("type disk;", "expected 'net'"),
                new Case("descr plain;", "expected a quoted string"),
                new Case("sigmgr \"rs\";", "expected SELF or a label"),
                new Case("domain INET7;", "expected a protocol family"),
                new Case("domain 99;", "protocol family 99 is out of range"),
                new Case("control a b c d e f g h i;", "more than 8 services"),
                new Case("uid;", "expected a uid"));
        for (Case c : cases) {
            ConfigException e = error("service s {\n\n " + c.option() + "\n};");
            assertEquals(3, e.line(), c.option());
            assertTrue(e.getMessage().startsWith("test.conf:3: "), e.getMessage());
            assertTrue(e.getMessage().contains(c.fragment()), c.option() + " -> " + e.getMessage());
        }
    }

    @Test
    void aBadValueInOneEntryDoesNotSpoilAnother() throws ConfigException {
        SystemConf conf = SystemConfParser.parse("m.conf", "service bad { priority 99; };\nservice good { priority 1; };");
        assertEquals(1, conf.service("good").priority());
        assertThrows(ConfigException.class, () -> conf.service("bad"));
    }

    @Test
    void commentsBlanksAndStrings() throws ConfigException {
        ServiceConfig s = only("# leading comment\n\n  service\tspaced # trailing\n{descr \"a # not a comment\\n\";};");
        assertEquals("a # not a comment\n", s.description());
        assertEquals(3, s.line());
    }

    @Test
    void limitsOfListsHold() {
        StringBuilder ranges = new StringBuilder("io");
        for (int i = 0; i < 17; i++) ranges.append(' ').append(Integer.toHexString(0x100 + 8 * i)).append(":8");
        assertTrue(error("service s {\n " + ranges + ";\n};").getMessage().contains("more than 16 I/O ranges"));
        StringBuilder classes = new StringBuilder("pci class 1 2 3 4 5");
        assertTrue(error("service s {\n " + classes + ";\n};").getMessage().contains("more than 4 PCI classes"));
        StringBuilder devices = new StringBuilder("pci device");
        for (int i = 0; i < 33; i++) devices.append(" 1:").append(Integer.toHexString(i));
        assertTrue(error("service s {\n " + devices + ";\n};").getMessage().contains("more than 32 PCI devices"));
        assertTrue(error("service s {\n domain 1 2 3 4 5 6 7 8 9;\n};").getMessage().contains("more than 8 domains"));
    }
}
