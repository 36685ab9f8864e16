package minixj.lib.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.SysCalls;
import minixj.lib.rs.config.ConfigException;
import minixj.lib.rs.config.IoRange;
import minixj.lib.rs.config.PciClass;
import minixj.lib.rs.config.PciDevice;
import minixj.lib.rs.config.ServiceConfig;
import minixj.lib.rs.config.SystemConf;
import minixj.lib.rs.config.SystemConfParser;
import minixj.lib.rs.config.VmCallNames;
import org.junit.jupiter.api.Test;

/** The rs_start record: built from a configuration, serialized, read back, and bad records refused. */
class RsStartCodecTest {
    private static final RsStartBuilder.Resolver RESOLVER = new RsStartBuilder.Resolver() {
        @Override
        public int endpointOf(String label) {
            return switch (label) {
                case "rs" -> Endpoint.RS;
                case "sched" -> Endpoint.SCHED;
                case "pm" -> Endpoint.PM;
                default -> -1;
            };
        }

        @Override
        public int uidOf(String login) {
            return login.equals("operator") ? 2 : -1;
        }

        @Override
        public int callerUid() {
            return 1000;
        }
    };

    static RsStart full() {
        return new RsStart(RsStartFlags.RSS_COPY | RsStartFlags.RSS_REPLICA, "/service/e1000 -v eth0", "e1000",
                "eth0", "", "/etc/rs.single", 0, Endpoint.SELF, Endpoint.SCHED, 3, 50, -1, 12, 7, 300, 2, 1,
                SysCalls.BASIC_CALLS | SysCalls.maskBit(SysCalls.SYS_DEVIO), VmCallNames.BASIC_MASK, "SYSTEM pm rs ds",
                false, List.of(3, 11), false, List.of(new IoRange(0x2f8, 8), new IoRange(0xcf8, 8)),
                List.of(new PciDevice(0x8086, 0x100e, -1, -1), new PciDevice(0x8086, 0x1234, 0x8086, 1)),
                List.of(new PciClass(0x020000, 0xff0000)), List.of("lwip", "dhcpd"), List.of(2, 24));
    }

    @Test
    void aFullRecordSurvivesTheRoundTrip() throws RsStartFormatException {
        RsStart start = full();
        byte[] bytes = RsStartCodec.encode(start);
        assertEquals(start, RsStartCodec.decode(bytes));
        assertTrue(bytes.length <= RsStartCodec.MAX_SIZE);
        assertEquals("/service/e1000", start.programPath());
        assertEquals("eth0", start.effectiveLabel());
    }

    @Test
    void theLargestRecordFitsMaxSize() throws RsStartFormatException {
        String label = "l".repeat(15);
        RsStart start = new RsStart(RsStartFlags.ALL, "/" + "c".repeat(RsStart.MAX_COMMAND_LEN - 2), label, label,
                label, "/" + "s".repeat(RsStart.MAX_SCRIPT_LEN - 2), 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
                "x".repeat(RsStart.MAX_IPC_LIST - 1), true, java.util.Collections.nCopies(16, 1), true,
                java.util.Collections.nCopies(16, new IoRange(1, 1)),
                java.util.Collections.nCopies(32, new PciDevice(1, 2, 3, 4)),
                java.util.Collections.nCopies(4, new PciClass(1, 2)), java.util.Collections.nCopies(8, label),
                java.util.Collections.nCopies(8, 2));
        byte[] bytes = RsStartCodec.encode(start);
        assertTrue(bytes.length <= RsStartCodec.MAX_SIZE, "size " + bytes.length);
        assertEquals(start, RsStartCodec.decode(bytes));
    }

    @Test
    void builtFromAConfiguration() throws ConfigException, RsStartFormatException {
        SystemConf conf = SystemConfParser.parse("b.conf", """
                service drv { uid operator; sigmgr pm; priority 2; quantum 30; cpu 0; system DEVIO; irq 5;
                              io 60:4; ipc SYSTEM pm; control other; domain INET; };
                service self { uid SELF; sigmgr SELF; scheduler KERNEL; };
                service ghost { sigmgr nowhere; };
                service stranger { uid nobody_known; };
                """);
        RsStart drv = new RsStartBuilder("/service/drv", "drv").arguments("-x 1").flags(RsStartFlags.RSS_NOBLOCK)
                .script("/etc/rs.single").period(120).restarts(4).major(9).config(conf.service("drv"), RESOLVER)
                .build();
        assertEquals("/service/drv -x 1", drv.command());
        assertEquals(2, drv.uid());
        assertEquals(Endpoint.PM, drv.signalManager());
        assertEquals(Endpoint.SCHED, drv.scheduler());
        assertEquals(2, drv.priority());
        assertEquals(30, drv.quantum());
        assertEquals(0, drv.cpu());
        assertEquals(SysCalls.BASIC_CALLS | SysCalls.maskBit(SysCalls.SYS_DEVIO), drv.kernelCallMask());
        assertEquals(List.of(5), drv.irqs());
        assertEquals(List.of(new IoRange(0x60, 4)), drv.io());
        assertEquals("SYSTEM pm", drv.ipc());
        assertEquals(List.of("other"), drv.control());
        assertEquals(List.of(2), drv.domains());
        assertEquals(120, drv.period());
        assertEquals(4, drv.restarts());
        assertEquals(9, drv.major());
        assertEquals("drv", drv.effectiveLabel());
        assertTrue(drv.has(RsStartFlags.RSS_NOBLOCK));
        assertEquals(drv, RsStartCodec.decode(RsStartCodec.encode(drv)));

        RsStart self = new RsStartBuilder("/usr/sbin/self", "self").config(conf.service("self"), RESOLVER).build();
        assertEquals(1000, self.uid());
        assertEquals(Endpoint.SELF, self.signalManager());
        assertEquals(Endpoint.KERNEL, self.scheduler());

        ConfigException ghost = assertThrows(ConfigException.class,
                () -> new RsStartBuilder("/x", "ghost").config(conf.service("ghost"), RESOLVER));
        assertEquals("b.conf:4: sigmgr: no running service has the label 'nowhere'", ghost.getMessage());
        ConfigException stranger = assertThrows(ConfigException.class,
                () -> new RsStartBuilder("/x", "stranger").config(conf.service("stranger"), RESOLVER));
        assertTrue(stranger.getMessage().contains("unknown login 'nobody_known'"));
    }

    @Test
    void withoutAConfigurationTheRecordCarriesMinixsDefaults() throws RsStartFormatException {
        RsStart start = new RsStartBuilder("/bin/svc", "svc").build();
        assertEquals(999, start.uid());
        assertEquals(Endpoint.RS, start.signalManager());
        assertEquals(Endpoint.SCHED, start.scheduler());
        assertEquals(7, start.priority());
        assertEquals(200, start.quantum());
        assertEquals("ALL_SYS", start.ipc());
        assertEquals(SysCalls.BASIC_CALLS, start.kernelCallMask());
        assertEquals("", start.label());
        assertEquals("svc", start.effectiveLabel());
    }

    @Test
    void theBuilderRefusesWhatBreaksALimit() {
        assertThrows(RsStartFormatException.class, () -> new RsStartBuilder("relative/path", "p").build());
        assertThrows(RsStartFormatException.class, () -> new RsStartBuilder("/p", "p").label("a-label-of-16-chr").build());
        assertThrows(RsStartFormatException.class,
                () -> new RsStartBuilder("/p", "p").arguments("1 2 3 4 5 6 7 8 9 10 11").build());
        assertThrows(RsStartFormatException.class,
                () -> new RsStartBuilder("/p", "p").arguments("x".repeat(RsStart.MAX_COMMAND_LEN)).build());
    }

    private static void refused(byte[] bytes, String fragment) {
        RsStartFormatException e = assertThrows(RsStartFormatException.class, () -> RsStartCodec.decode(bytes));
        assertEquals(Errno.EINVAL, e.errno());
        assertTrue(e.getMessage().contains(fragment), e.getMessage() + " (wanted " + fragment + ")");
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void badRecordsAreEinval() {
        byte[] good = RsStartCodec.encode(full());
        refused(new byte[0], "record length 0");
        refused(new byte[RsStartCodec.MAX_SIZE + 1], "record length");

        byte[] magic = good.clone();
        magic[0] ^= 1;
        refused(magic, "bad magic");

        byte[] lengthField = good.clone();
        le(lengthField).putInt(4, good.length + 1);
        refused(lengthField, "record says");

        byte[] trailing = Arrays.copyOf(good, good.length + 3);
        le(trailing).putInt(4, trailing.length);
        refused(trailing, "bytes after the record's end");

        byte[] unknownFlag = good.clone();
        le(unknownFlag).putInt(8, 1 << 30);
        refused(unknownFlag, "unknown flags");

        // Every truncation whose header still agrees must be caught, never read past the end.
        for (int length = RsStartCodec.MIN_SIZE; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            le(cut).putInt(4, length);
            assertThrows(RsStartFormatException.class, () -> RsStartCodec.decode(cut), "length " + length);
        }
    }

    /** Offset of the first string (the command's length): header 8, fixed fields 88. */
    private static final int FIRST_STRING = 8 + 9 * 4 + 8 + 2 * 4 + 2 * 8;

    @Test
    void badStringsAndListsAreEinval() {
        byte[] good = RsStartCodec.encode(full());
        assertEquals("/service/e1000 -v eth0".length(), le(good).getShort(FIRST_STRING));

        byte[] tooLong = good.clone();
        le(tooLong).putShort(FIRST_STRING, (short) RsStart.MAX_COMMAND_LEN);
        refused(tooLong, "string of 512 bytes");

        byte[] nul = good.clone();
        nul[FIRST_STRING + 2 + 3] = 0;
        refused(nul, "NUL inside a string");

        byte[] utf8 = good.clone();
        utf8[FIRST_STRING + 2 + 3] = (byte) 0xC3; // a lead byte followed by ASCII
        refused(utf8, "malformed UTF-8");

        byte[] relative = good.clone();
        relative[FIRST_STRING + 2] = 's';
        refused(relative, "not absolute");

        int listsStart = FIRST_STRING;
        ByteBuffer in = le(good);
        for (int i = 0; i < 6; i++) listsStart += 2 + Short.toUnsignedInt(in.getShort(listsStart));
        byte[] badBool = good.clone();
        badBool[listsStart] = 2;
        refused(badBool, "flag byte 2");

        byte[] tooManyIrqs = good.clone();
        tooManyIrqs[listsStart + 1] = 17;
        refused(tooManyIrqs, "list of 17, limit 16");
    }

    @Test
    void encodingARecordThatBreaksALimitIsAProgrammingError() {
        RsStart bad = new RsStart(0, "relative", "p", "", "", "", 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, "ALL", false,
                List.of(), false, List.of(), List.of(), List.of(), List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> RsStartCodec.encode(bad));
    }
}
