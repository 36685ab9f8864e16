package minixj.lib.posix;

import minixj.lib.ipc.Errno;

/**
 * A failed POSIX call. {@link #errno()} is the MINIX error code as servers use it: negative
 * ({@link Errno#EPERM} = -1, ...); {@link #positiveErrno()} is C's positive errno value.
 */
public final class PosixException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    /** @param errno a negative {@link Errno} code */
    public PosixException(String call, int errno) {
        super(call + ": errno " + errno);
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
