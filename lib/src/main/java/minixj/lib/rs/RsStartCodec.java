package minixj.lib.rs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import minixj.lib.rs.config.IoRange;
import minixj.lib.rs.config.PciClass;
import minixj.lib.rs.config.PciDevice;

/**
 * The wire format of an {@link RsStart}: what the {@code service} utility writes into a buffer it
 * grants RS, and what RS reads back after copying the buffer with {@code safecopyfrom}.
 *
 * <p>Little-endian. A header of the magic number {@link #MAGIC} and the record's total length in
 * bytes (which must equal the length given in the request message), then the fixed fields (flags,
 * uid, signal manager, scheduler, priority, quantum, cpu, major, devman id as 32-bit values; period
 * as 64; restarts, asr count as 32; the kernel-call and VM-call masks as 64), then the strings
 * (command, program name, label, trigger label, script, ipc: each a 16-bit length and UTF-8 bytes
 * without NUL), then the lists (each an 8-bit count): IRQs (after an all-IRQs byte, 32-bit
 * numbers), I/O ranges (after an all-I/O byte, base and length), PCI devices (vendor, device,
 * subsystem vendor, subsystem device), PCI classes (value, mask), control labels (strings),
 * domains (32-bit). Nothing may follow.
 *
 * <p>Reading checks everything a careless or hostile caller could get wrong: the length, the magic,
 * every count and string length against the record's limits, booleans, NULs and malformed UTF-8
 * in strings, running past the end, bytes left over, and then {@link RsStart#problem()}. Any of
 * these is an {@link RsStartFormatException} (EINVAL).
 */
public final class RsStartCodec {
    private RsStartCodec() {
    }

    /** "RSS1" read as a little-endian word: the first four bytes of every record. */
    public static final int MAGIC = 0x31535352;
    /** The largest record RS accepts; RS refuses a request whose length is larger before copying. */
    public static final int MAX_SIZE = 4096;
    /** The smallest possible record (header, fixed fields, empty strings and lists). */
    public static final int MIN_SIZE = 8 + 9 * 4 + 8 + 2 * 4 + 2 * 8 + 6 * 2 + 2 + 2 + 4 * 1;

    /** Serializes a record. */
    public static byte[] encode(RsStart start) {
        String problem = start.problem();
        if (problem != null) throw new IllegalArgumentException("bad rs_start: " + problem);
        ByteBuffer out = ByteBuffer.allocate(MAX_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(0); // the length goes in at the end
        out.putInt(start.flags()).putInt(start.uid()).putInt(start.signalManager()).putInt(start.scheduler())
                .putInt(start.priority()).putInt(start.quantum()).putInt(start.cpu()).putInt(start.major())
                .putInt(start.devmanId()).putLong(start.period()).putInt(start.restarts()).putInt(start.asrCount())
                .putLong(start.kernelCallMask()).putLong(start.vmCallMask());
        for (String s : List.of(start.command(), start.programName(), start.label(), start.triggerLabel(),
                start.script(), start.ipc())) {
            putString(out, s);
        }
        out.put((byte) (start.allIrqs() ? 1 : 0)).put((byte) start.irqs().size());
        for (int irq : start.irqs()) out.putInt(irq);
        out.put((byte) (start.allIo() ? 1 : 0)).put((byte) start.io().size());
        for (IoRange range : start.io()) out.putInt(range.base()).putInt(range.length());
        out.put((byte) start.pciDevices().size());
        for (PciDevice d : start.pciDevices()) {
            out.putInt(d.vendor()).putInt(d.device()).putInt(d.subVendor()).putInt(d.subDevice());
        }
        out.put((byte) start.pciClasses().size());
        for (PciClass c : start.pciClasses()) out.putInt(c.value()).putInt(c.mask());
        out.put((byte) start.control().size());
        for (String label : start.control()) putString(out, label);
        out.put((byte) start.domains().size());
        for (int domain : start.domains()) out.putInt(domain);
        int length = out.position();
        out.putInt(4, length);
        return Arrays.copyOf(out.array(), length);
    }

    private static void putString(ByteBuffer out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) bytes.length).put(bytes);
    }

    /**
     * Reads a record.
     *
     * @param bytes exactly the bytes the request said the record has
     * @throws RsStartFormatException if the bytes are not a well-formed, in-limits record
     */
    public static RsStart decode(byte[] bytes) throws RsStartFormatException {
        if (bytes.length < MIN_SIZE || bytes.length > MAX_SIZE) {
            throw new RsStartFormatException("record length " + bytes.length + " outside " + MIN_SIZE + ".." + MAX_SIZE);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt() != MAGIC) throw new RsStartFormatException("not an rs_start record (bad magic)");
        int declared = in.getInt();
        if (declared != bytes.length) {
            throw new RsStartFormatException("record says " + declared + " bytes, request says " + bytes.length);
        }
        try {
            int flags = in.getInt();
            int uid = in.getInt();
            int signalManager = in.getInt();
            int scheduler = in.getInt();
            int priority = in.getInt();
            int quantum = in.getInt();
            int cpu = in.getInt();
            int major = in.getInt();
            int devmanId = in.getInt();
            long period = in.getLong();
            int restarts = in.getInt();
            int asrCount = in.getInt();
            long kernelCalls = in.getLong();
            long vmCalls = in.getLong();
            String command = string(in, RsStart.MAX_COMMAND_LEN);
            String programName = string(in, RsStart.MAX_LABEL_LEN);
            String label = string(in, RsStart.MAX_LABEL_LEN);
            String triggerLabel = string(in, RsStart.MAX_LABEL_LEN);
            String script = string(in, RsStart.MAX_SCRIPT_LEN);
            String ipc = string(in, RsStart.MAX_IPC_LIST);
            boolean allIrqs = bool(in);
            List<Integer> irqs = new ArrayList<>();
            for (int i = count(in, 16); i > 0; i--) irqs.add(in.getInt());
            boolean allIo = bool(in);
            List<IoRange> io = new ArrayList<>();
            for (int i = count(in, 16); i > 0; i--) io.add(new IoRange(in.getInt(), in.getInt()));
            List<PciDevice> devices = new ArrayList<>();
            for (int i = count(in, 32); i > 0; i--) {
                devices.add(new PciDevice(in.getInt(), in.getInt(), in.getInt(), in.getInt()));
            }
            List<PciClass> classes = new ArrayList<>();
            for (int i = count(in, 4); i > 0; i--) classes.add(new PciClass(in.getInt(), in.getInt()));
            List<String> control = new ArrayList<>();
            for (int i = count(in, 8); i > 0; i--) control.add(string(in, RsStart.MAX_LABEL_LEN));
            List<Integer> domains = new ArrayList<>();
            for (int i = count(in, 8); i > 0; i--) domains.add(in.getInt());
            if (in.hasRemaining()) throw new RsStartFormatException(in.remaining() + " bytes after the record's end");
            RsStart start = new RsStart(flags, command, programName, label, triggerLabel, script, uid, signalManager,
                    scheduler, priority, quantum, cpu, major, devmanId, period, restarts, asrCount, kernelCalls,
                    vmCalls, ipc, allIrqs, irqs, allIo, io, devices, classes, control, domains);
            String problem = start.problem();
            if (problem != null) throw new RsStartFormatException(problem);
            return start;
        } catch (BufferUnderflowException e) {
            throw new RsStartFormatException("record ends early");
        }
    }

    private static String string(ByteBuffer in, int limitWithNul) throws RsStartFormatException {
        int length = Short.toUnsignedInt(in.getShort());
        if (length >= limitWithNul) throw new RsStartFormatException("string of " + length + " bytes, limit "
                + (limitWithNul - 1));
        if (length > in.remaining()) throw new BufferUnderflowException();
        byte[] bytes = new byte[length];
        in.get(bytes);
        for (byte b : bytes) if (b == 0) throw new RsStartFormatException("NUL inside a string");
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (!Arrays.equals(s.getBytes(StandardCharsets.UTF_8), bytes)) {
            throw new RsStartFormatException("malformed UTF-8 in a string");
        }
        return s;
    }

    private static int count(ByteBuffer in, int limit) throws RsStartFormatException {
        int count = Byte.toUnsignedInt(in.get());
        if (count > limit) throw new RsStartFormatException("list of " + count + ", limit " + limit);
        return count;
    }

    private static boolean bool(ByteBuffer in) throws RsStartFormatException {
        byte b = in.get();
        if (b != 0 && b != 1) throw new RsStartFormatException("flag byte " + b + " is neither 0 nor 1");
        return b == 1;
    }
}
