package minixj.lib.ipc;

/**
 * Error codes, negative as inside MINIX's system code (OK is 0).
 *
 * <p>POSIX values are NetBSD's (MINIX 3.4 uses NetBSD's errno.h); the MINIX-specific codes
 * start at 200.
 */
public final class Errno {
    private Errno() {
    }

    public static final int OK = 0;
    public static final int EPERM = -1;
    public static final int ENOENT = -2;
    public static final int ESRCH = -3;
    public static final int EINTR = -4;
    public static final int EIO = -5;
    public static final int ENXIO = -6;
    public static final int E2BIG = -7;
    public static final int ENOEXEC = -8;
    public static final int EBADF = -9;
    public static final int ECHILD = -10;
    public static final int EDEADLK = -11;
    public static final int ENOMEM = -12;
    public static final int EACCES = -13;
    public static final int EFAULT = -14;
    public static final int EBUSY = -16;
    public static final int EEXIST = -17;
    public static final int EXDEV = -18;
    public static final int ENODEV = -19;
    public static final int ENOTDIR = -20;
    public static final int EISDIR = -21;
    public static final int EINVAL = -22;
    public static final int ENFILE = -23;
    public static final int EMFILE = -24;
    public static final int ENOTTY = -25;
    public static final int EFBIG = -27;
    public static final int ENOSPC = -28;
    public static final int ESPIPE = -29;
    public static final int EROFS = -30;
    public static final int EMLINK = -31;
    public static final int EPIPE = -32;
    public static final int EDOM = -33;
    public static final int ERANGE = -34;
    public static final int EAGAIN = -35;
    public static final int ELOOP = -62;
    public static final int ENAMETOOLONG = -63;
    public static final int ENOTEMPTY = -66;
    public static final int ENOSYS = -78;
    public static final int ETIMEDOUT = -60;

    // MINIX-specific codes.
    public static final int ERESTART = -200;
    public static final int ENOTREADY = -201;
    public static final int EDEADSRCDST = -202;
    public static final int EDONTREPLY = -203;
    public static final int EGENERIC = -204;
    public static final int EPACKSIZE = -205;
    public static final int EURG = -206;
    public static final int ENOURG = -207;
    public static final int ELOCKED = -208;
    public static final int EBADCALL = -209;
    public static final int ECALLDENIED = -210;
    public static final int ETRAPDENIED = -211;
    public static final int EBADREQUEST = -212;
    public static final int EBADMODE = -213;
    public static final int ENOCONN = -214;
    public static final int EDEADEPT = -215;
    public static final int EBADEPT = -216;
    public static final int EBADCPU = -217;

    /** Internal "do not reply yet" code used by servers. */
    public static final int SUSPEND = -998;

    /** The symbolic name of an error code, for messages and logs. */
    public static String name(int code) {
        return switch (code) {
            case OK -> "OK";
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case ESRCH -> "ESRCH";
            case EINTR -> "EINTR";
            case EIO -> "EIO";
            case ENXIO -> "ENXIO";
            case E2BIG -> "E2BIG";
            case ENOEXEC -> "ENOEXEC";
            case EBADF -> "EBADF";
            case ECHILD -> "ECHILD";
            case EDEADLK -> "EDEADLK";
            case ENOMEM -> "ENOMEM";
            case EACCES -> "EACCES";
            case EFAULT -> "EFAULT";
            case EBUSY -> "EBUSY";
            case EEXIST -> "EEXIST";
            case EINVAL -> "EINVAL";
            case EMFILE -> "EMFILE";
            case ENOSPC -> "ENOSPC";
            case EDOM -> "EDOM";
            case ERANGE -> "ERANGE";
            case EAGAIN -> "EAGAIN";
            case ELOOP -> "ELOOP";
            case ENOSYS -> "ENOSYS";
            case ETIMEDOUT -> "ETIMEDOUT";
            case ERESTART -> "ERESTART";
            case ENOTREADY -> "ENOTREADY";
            case EDEADSRCDST -> "EDEADSRCDST";
            case EDONTREPLY -> "EDONTREPLY";
            case EGENERIC -> "EGENERIC";
            case ELOCKED -> "ELOCKED";
            case EBADCALL -> "EBADCALL";
            case ECALLDENIED -> "ECALLDENIED";
            case ETRAPDENIED -> "ETRAPDENIED";
            case EBADREQUEST -> "EBADREQUEST";
            case EDEADEPT -> "EDEADEPT";
            case EBADEPT -> "EBADEPT";
            case SUSPEND -> "SUSPEND";
            default -> "error " + code;
        };
    }
}
