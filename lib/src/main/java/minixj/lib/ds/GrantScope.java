package minixj.lib.ds;

import java.util.ArrayList;
import java.util.List;

import minixj.lib.ipc.Errno;
import minixj.lib.mem.GrantEntry;
import minixj.lib.sys.ProcessGrants;

/**
 * The temporary buffers and grants of one DS request (MINIX's libsys makes a grant per call and
 * revokes it after the reply): closing the scope revokes every grant and frees every buffer.
 */
final class GrantScope implements AutoCloseable {
    private final ProcessGrants process;
    private final int grantee;
    private final String call;
    private final List<Long> buffers = new ArrayList<>();
    private final List<Integer> grants = new ArrayList<>();

    GrantScope(ProcessGrants process, int grantee, String call) {
        this.process = process;
        this.grantee = grantee;
        this.call = call;
    }

    /** A buffer of {@code size} bytes in the process's memory. */
    long buffer(int size) {
        long address = process.heap().malloc(Math.max(size, 1));
        if (address == 0) throw new DsException(call, Errno.ENOMEM);
        buffers.add(address);
        return address;
    }

    /** Copies {@code data} into a fresh buffer and grants DS read access to it. */
    int readable(byte[] data) {
        long address = buffer(data.length);
        process.memory().write(address, data, 0, data.length);
        return grant(address, data.length, GrantEntry.CPF_READ);
    }

    /** Grants DS {@code access} to {@code [address, address + length)} of this process. */
    int grant(long address, int length, int access) {
        int id = process.grants().cpfGrantDirect(grantee, address, length, access);
        if (id == GrantEntry.GRANT_INVALID) throw new DsException(call, Errno.ENOMEM);
        grants.add(id);
        return id;
    }

    /** Reads {@code length} bytes at {@code address} of this process. */
    byte[] read(long address, int length) {
        byte[] data = new byte[length];
        process.memory().read(address, data, 0, length);
        return data;
    }

    @Override
    public void close() {
        for (int id : grants) process.grants().cpfRevoke(id);
        for (long address : buffers) process.heap().free(address);
    }
}
