package minixj.lib.ds;

import minixj.lib.ipc.Errno;

/**
 * A Data Store request that failed. {@link #errno()} is MINIX's error code as servers use it,
 * negative ({@link Errno#ESRCH} = -3, ...); {@link #positiveErrno()} is C's positive value. The
 * same style as {@link minixj.lib.posix.PosixException}.
 */
public final class DsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    /**
     * @param call the request that failed, for the message ("ds_retrieve_u32")
     * @param errno a negative {@link Errno} code
     */
    public DsException(String call, int errno) {
        super(call + ": " + Errno.name(errno) + " (" + errno + ")");
        this.errno = errno;
    }

    /** The error code, negative as in {@link Errno}. */
    public int errno() {
        return errno;
    }

    /** The error code as C's errno (positive). */
    public int positiveErrno() {
        return -errno;
    }
}
