package minixj.lib.fs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boot files: a read-only archive of the programs a machine has before it has a file system
 * (MinixJ's initial RAM disk, which the launcher places in physical memory as a boot loader
 * places its modules). VFS serves exec from it until MFS mounts a real root.
 *
 * <p>Format (little-endian): magic {@code MJBF}, version 1, entry count, index length in bytes;
 * the index, one entry per file: path length (u16), path (UTF-8, absolute), mode (int, with
 * {@link #S_IFREG} and permission bits), data offset from the start of the archive (long), data
 * length (int); then the data.
 */
public final class BootFiles {
    /** Regular file, as in stat's st_mode. */
    public static final int S_IFREG = 0100000;
    /** Execute permission for owner, group and others. */
    public static final int EXECUTE_BITS = 0111;
    /** Size of the fixed header. */
    public static final int HEADER_SIZE = 16;
    private static final int MAGIC = 0x46424A4D; // "MJBF" read little-endian
    private static final int VERSION = 1;
    /** Longest path in the archive. */
    public static final int PATH_MAX = 1024;

    /** One file of the archive. */
    public record Entry(String path, int mode, long offset, int length) {
        /** Whether anyone may execute it. */
        public boolean executable() {
            return (mode & EXECUTE_BITS) != 0;
        }
    }

    private BootFiles() {
    }

    /** Builds an archive; entries keep the order they were added in. */
    public static final class Builder {
        private final Map<String, byte[]> data = new LinkedHashMap<>();
        private final Map<String, Integer> modes = new LinkedHashMap<>();

        /** Adds (or replaces) {@code path} with {@code mode} (permission bits) and {@code bytes}. */
        public Builder add(String path, int mode, byte[] bytes) {
            if (!path.startsWith("/") || path.getBytes(StandardCharsets.UTF_8).length > PATH_MAX) {
                throw new IllegalArgumentException("bad boot file path: " + path);
            }
            data.put(path, bytes.clone());
            modes.put(path, S_IFREG | (mode & 07777));
            return this;
        }

        /** The archive's bytes. */
        public byte[] build() {
            int indexLength = 0;
            for (String p : data.keySet()) indexLength += 2 + p.getBytes(StandardCharsets.UTF_8).length + 4 + 8 + 4;
            long total = HEADER_SIZE + indexLength;
            for (byte[] b : data.values()) total += b.length;
            if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("boot files too large");
            ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
            out.putInt(MAGIC).putInt(VERSION).putInt(data.size()).putInt(indexLength);
            long offset = HEADER_SIZE + indexLength;
            for (Map.Entry<String, byte[]> e : data.entrySet()) {
                byte[] path = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.putShort((short) path.length).put(path).putInt(modes.get(e.getKey())).putLong(offset)
                        .putInt(e.getValue().length);
                offset += e.getValue().length;
            }
            for (byte[] b : data.values()) out.put(b);
            return out.array();
        }
    }

    /**
     * The index length stated by an archive's header, or -1 when {@code header} (at least
     * {@link #HEADER_SIZE} bytes) is not a boot-file archive of this version.
     */
    public static int indexLength(byte[] header) {
        if (header.length < HEADER_SIZE) return -1;
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != MAGIC || b.getInt() != VERSION) return -1;
        int count = b.getInt();
        int length = b.getInt();
        return count < 0 || length < 0 ? -1 : length;
    }

    /**
     * Reads the index ({@code index} holds the header and the index) of an archive of
     * {@code archiveLength} bytes. Entries pointing outside the archive, or malformed ones,
     * make the whole index invalid.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<Entry> readIndex(byte[] index, long archiveLength) {
        int indexLength = indexLength(index);
        if (indexLength < 0 || index.length < HEADER_SIZE + indexLength) {
            throw new IllegalArgumentException("not a boot file archive");
        }
        ByteBuffer b = ByteBuffer.wrap(index, 0, HEADER_SIZE + indexLength).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        int count = b.getInt();
        b.position(HEADER_SIZE);
        List<Entry> entries = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int pathLength = Short.toUnsignedInt(b.getShort());
                if (pathLength == 0 || pathLength > PATH_MAX) throw new IllegalArgumentException("entry " + i + ": bad path length");
                byte[] path = new byte[pathLength];
                b.get(path);
                int mode = b.getInt();
                long offset = b.getLong();
                int length = b.getInt();
                if (offset < HEADER_SIZE + indexLength || length < 0 || offset + length > archiveLength) {
                    throw new IllegalArgumentException("entry " + i + ": data outside the archive");
                }
                entries.add(new Entry(new String(path, StandardCharsets.UTF_8), mode, offset, length));
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("index shorter than its entries");
        }
        return entries;
    }
}
