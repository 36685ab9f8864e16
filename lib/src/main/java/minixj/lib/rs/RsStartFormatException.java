package minixj.lib.rs;

import minixj.lib.ipc.Errno;

/** A serialized {@link RsStart} that cannot be read: RS answers the request with EINVAL. */
public final class RsStartFormatException extends Exception {
    public RsStartFormatException(String message) {
        super(message);
    }

    /** The error RS replies with: {@link Errno#EINVAL}. */
    public int errno() {
        return Errno.EINVAL;
    }
}
