package minixj.servers.ds;

/** A request DS refuses: carries the (negative) error code the caller gets. No stack trace. */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int errno;

    Refusal(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }
}
