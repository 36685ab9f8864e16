package minixj.kernel.loader;

import minixj.lib.ipc.Errno;

/**
 * An exec that cannot proceed: the image is malformed, refers to a forbidden host API, or has
 * no usable entry point. Carries the MINIX error code that exec returns to its caller.
 */
public final class ExecException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errno;

    /** An exec failure with error code {@code errno} (negative, from {@link Errno}). */
    public ExecException(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    /** As {@link #ExecException(int, String)}, keeping the underlying {@code cause}. */
    public ExecException(int errno, String message, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    /**
     * An {@link Errno#ENOEXEC} failure for program {@code program}; the message reads
     * {@code ENOEXEC: program 'name': detail}.
     */
    public static ExecException noexec(String program, String detail) {
        return new ExecException(Errno.ENOEXEC, format(program, detail));
    }

    /** As {@link #noexec(String, String)}, keeping the underlying {@code cause}. */
    public static ExecException noexec(String program, String detail, Throwable cause) {
        return new ExecException(Errno.ENOEXEC, format(program, detail), cause);
    }

    /** The MINIX error code (negative), e.g. {@link Errno#ENOEXEC}. */
    public int errno() {
        return errno;
    }

    private static String format(String program, String detail) {
        return "ENOEXEC: program '" + program + "': " + detail;
    }
}
