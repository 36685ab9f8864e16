package minixj.servers.vfs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import minixj.lib.fs.BootFiles;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysGetinfoMsg;
import minixj.lib.sys.Sys;

/**
 * The boot files as VFS serves them: the index is read once from physical memory (where the
 * launcher placed the archive); file data is copied straight from there into a process.
 */
final class BootFileSystem {
    /** VFS's own buffer for the header and the index. */
    private static final long BUFFER = minixj.lib.mem.MemoryLayout.INITIAL_REGION_BASE;
    private static final int INDEX_MAX = 1 << 20;

    private final Trap trap;
    private final long physicalBase;
    private final Map<String, BootFiles.Entry> files = new HashMap<>();

    private BootFileSystem(Trap trap, long physicalBase) {
        this.trap = trap;
        this.physicalBase = physicalBase;
    }

    /** Reads the index; with no boot files, or a damaged archive, VFS serves an empty one. */
    static BootFileSystem load(Trap trap, java.util.function.Consumer<String> log) {
        int r = Sys.getinfo(trap, SysGetinfoMsg.GET_BOOTFILES, Endpoint.SELF, BUFFER, 16);
        if (r != Errno.OK) return new BootFileSystem(trap, 0);
        long address = readLong(trap, BUFFER);
        long length = readLong(trap, BUFFER + 8);
        BootFileSystem fs = new BootFileSystem(trap, address);
        if (length < BootFiles.HEADER_SIZE) return fs;
        byte[] header = new byte[BootFiles.HEADER_SIZE];
        if (Sys.physcopy(trap, Endpoint.NONE, address, Endpoint.SELF, BUFFER, header.length) != Errno.OK) return fs;
        trap.memory().read(BUFFER, header, 0, header.length);
        int indexLength = BootFiles.indexLength(header);
        if (indexLength < 0 || indexLength > INDEX_MAX || BootFiles.HEADER_SIZE + indexLength > length) {
            log.accept("vfs: boot files are damaged (bad header); none served");
            return fs;
        }
        byte[] index = new byte[BootFiles.HEADER_SIZE + indexLength];
        if (Sys.physcopy(trap, Endpoint.NONE, address, Endpoint.SELF, BUFFER, index.length) != Errno.OK) return fs;
        trap.memory().read(BUFFER, index, 0, index.length);
        try {
            List<BootFiles.Entry> entries = BootFiles.readIndex(index, length);
            for (BootFiles.Entry e : entries) fs.files.put(e.path(), e);
        } catch (IllegalArgumentException e) {
            log.accept("vfs: boot files are damaged (" + e.getMessage() + "); none served");
        }
        return fs;
    }

    private static long readLong(Trap trap, long address) {
        return (trap.memory().readInt(address) & 0xFFFF_FFFFL) | ((long) trap.memory().readInt(address + 4) << 32);
    }

    /** The file at {@code path}, or null. */
    BootFiles.Entry lookup(String path) {
        return files.get(path);
    }

    /** Copies {@code length} bytes of {@code file} from {@code offset} into {@code endpoint}'s memory. */
    int copyTo(BootFiles.Entry file, long offset, int endpoint, long address, int length) {
        return Sys.physcopy(trap, Endpoint.NONE, physicalBase + file.offset() + offset, endpoint, address, length);
    }

    int size() {
        return files.size();
    }
}
