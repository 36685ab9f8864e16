package minixj.lib.ipc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A MINIX message: the source endpoint, the message type and a 56-byte payload, 64 bytes in all.
 *
 * <p>Messages are fixed size and copied on delivery, so a sender never sees what the receiver
 * does with its copy. Protocol code reads and writes the payload through a typed view of one
 * layout (see {@link minixj.lib.ipc.layout}), not through raw offsets.
 *
 * <p>The payload is little-endian, as on MINIX's i386 and ARM targets.
 */
public final class Message {
    /** Size of the payload in bytes. */
    public static final int PAYLOAD_SIZE = 56;
    /** Size of a whole message in bytes (source, type, payload). */
    public static final int SIZE = 8 + PAYLOAD_SIZE;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private int source;
    private int type;
    private final byte[] payload = new byte[PAYLOAD_SIZE];

    /** An empty message (type 0, source 0, zero payload). */
    public Message() {
    }

    /** An empty message of the given type. */
    public Message(int type) {
        this.type = type;
    }

    /** The endpoint that sent this message; the kernel sets it on delivery, senders cannot forge it. */
    public int source() {
        return source;
    }

    /** Sets the source; only meaningful for the kernel and for messages built locally. */
    public Message source(int source) {
        this.source = source;
        return this;
    }

    /** The message type (a request code, or a result code in replies). */
    public int type() {
        return type;
    }

    /** Sets the message type. */
    public Message type(int type) {
        this.type = type;
        return this;
    }

    /** Copies all 64 bytes of {@code other} into this message. */
    public Message copyFrom(Message other) {
        this.source = other.source;
        this.type = other.type;
        System.arraycopy(other.payload, 0, this.payload, 0, PAYLOAD_SIZE);
        return this;
    }

    /** A fresh copy of this message. */
    public Message copy() {
        return new Message().copyFrom(this);
    }

    /** Sets source, type and every payload byte to zero. */
    public Message clear() {
        source = 0;
        type = 0;
        Arrays.fill(payload, (byte) 0);
        return this;
    }

    /** Reads a 32-bit value at payload offset {@code offset}. */
    public int getInt(int offset) {
        return (int) INT.get(payload, offset);
    }

    /** Writes a 32-bit value at payload offset {@code offset}. */
    public Message putInt(int offset, int value) {
        INT.set(payload, offset, value);
        return this;
    }

    /** Reads a 64-bit value at payload offset {@code offset}. */
    public long getLong(int offset) {
        return (long) LONG.get(payload, offset);
    }

    /** Writes a 64-bit value at payload offset {@code offset}. */
    public Message putLong(int offset, long value) {
        LONG.set(payload, offset, value);
        return this;
    }

    /** Reads a 16-bit value at payload offset {@code offset}. */
    public short getShort(int offset) {
        return (short) SHORT.get(payload, offset);
    }

    /** Writes a 16-bit value at payload offset {@code offset}. */
    public Message putShort(int offset, short value) {
        SHORT.set(payload, offset, value);
        return this;
    }

    /** Reads one byte at payload offset {@code offset}. */
    public byte getByte(int offset) {
        return payload[offset];
    }

    /** Writes one byte at payload offset {@code offset}. */
    public Message putByte(int offset, byte value) {
        payload[offset] = value;
        return this;
    }

    /** Copies {@code length} payload bytes starting at {@code offset} into {@code dst}. */
    public void getBytes(int offset, byte[] dst, int dstOffset, int length) {
        System.arraycopy(payload, offset, dst, dstOffset, length);
    }

    /** Copies {@code length} bytes of {@code src} into the payload at {@code offset}. */
    public Message putBytes(int offset, byte[] src, int srcOffset, int length) {
        System.arraycopy(src, srcOffset, payload, offset, length);
        return this;
    }

    /** Writes the whole message (source, type, payload) into {@code dst} at {@code offset}, little-endian. */
    public void encode(byte[] dst, int offset) {
        INT.set(dst, offset, source);
        INT.set(dst, offset + 4, type);
        System.arraycopy(payload, 0, dst, offset + 8, PAYLOAD_SIZE);
    }

    /** Reads the whole message from {@code src} at {@code offset}, the inverse of {@link #encode}. */
    public Message decode(byte[] src, int offset) {
        source = (int) INT.get(src, offset);
        type = (int) INT.get(src, offset + 4);
        System.arraycopy(src, offset + 8, payload, 0, PAYLOAD_SIZE);
        return this;
    }

    /** Feeds source, type and payload into a running 64-bit FNV-1a hash; used by the kernel's trace. */
    public long hashInto(long hash) {
        hash = mix(hash, source);
        hash = mix(hash, type);
        for (int i = 0; i < PAYLOAD_SIZE; i += 8) {
            hash = mix64(hash, (long) LONG.get(payload, i));
        }
        return hash;
    }

    private static long mix(long hash, int value) {
        return (hash ^ (value & 0xffffffffL)) * 0x100000001b3L;
    }

    private static long mix64(long hash, long value) {
        return mix(mix(hash, (int) value), (int) (value >>> 32));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.source == source && m.type == type && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * source + type) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Message[source=").append(source).append(", type=0x")
                .append(Integer.toHexString(type)).append(", payload=");
        int last = PAYLOAD_SIZE;
        while (last > 0 && payload[last - 1] == 0) last--;
        for (int i = 0; i < last; i++) {
            sb.append(String.format("%02x", payload[i]));
        }
        return sb.append(']').toString();
    }
}
