package minixj.servers.vfs;

import java.nio.charset.StandardCharsets;

import minixj.lib.fs.BootFiles;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.VfsPmMsg;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.sys.Sys;

/**
 * VFS's part of exec (spec §6.5): find the executable, check that the process may execute it,
 * check that it is a JAR, and place it in the process's memory at
 * {@link MemoryLayout#EXEC_IMAGE_BASE}; PM then has the kernel load it. VFS reads the file
 * itself, so an executable that is not readable by the caller can still be executed.
 */
final class Exec {
    /** A JAR (a ZIP file) starts with "PK\3\4": this int, read little-endian. */
    private static final int JAR_MAGIC = 0x04034B50;

    private final Trap trap;
    private final BootFileSystem files;
    private final long buffer;

    Exec(Trap trap, BootFileSystem files, long buffer) {
        this.trap = trap;
        this.files = files;
        this.buffer = buffer;
    }

    int load(Fproc proc, VfsPmMsg req) {
        int pathLength = req.pathLength();
        if (pathLength <= 0) return Errno.ENOENT;
        if (pathLength > BootFiles.PATH_MAX) return Errno.ENAMETOOLONG;
        int r = Sys.vircopy(trap, proc.endpoint, req.pathAddress(), Endpoint.SELF, buffer, pathLength);
        if (r != Errno.OK) return Errno.EFAULT;
        byte[] raw = new byte[pathLength];
        trap.memory().read(buffer, raw, 0, pathLength);
        String path = new String(raw, StandardCharsets.UTF_8);
        if (path.indexOf('\0') >= 0) path = path.substring(0, path.indexOf('\0'));
        if (path.isEmpty()) return Errno.ENOENT;
        if (!path.startsWith("/")) path = "/" + path; // every process's working directory is the root for now
        BootFiles.Entry file = files.lookup(normalize(path));
        if (file == null) return Errno.ENOENT;
        if (!mayExecute(proc, file)) return Errno.EACCES;
        if (file.length() > MemoryLayout.EXEC_IMAGE_MAX) return Errno.ENOMEM;
        if (file.length() < 4) return Errno.ENOEXEC;
        if (files.copyTo(file, 0, Endpoint.SELF, buffer, 4) != Errno.OK) return Errno.EIO;
        if (trap.memory().readInt(buffer) != JAR_MAGIC) return Errno.ENOEXEC;
        r = files.copyTo(file, 0, proc.endpoint, MemoryLayout.EXEC_IMAGE_BASE, file.length());
        if (r != Errno.OK) return r == Errno.ENOMEM ? Errno.ENOMEM : Errno.EIO;
        req.imageAddress(MemoryLayout.EXEC_IMAGE_BASE).imageLength(file.length());
        return Errno.OK;
    }

    /** Owner, group, other execute bits as for a file owned by root:0; root needs any one of them. */
    private static boolean mayExecute(Fproc proc, BootFiles.Entry file) {
        int mode = file.mode();
        if (proc.effUid == 0) return (mode & BootFiles.EXECUTE_BITS) != 0;
        if (proc.effGid == 0) return (mode & 0010) != 0;
        return (mode & 0001) != 0;
    }

    /** Collapses "//", "/./" and "/../" (the boot files have no symbolic links). */
    static String normalize(String path) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
