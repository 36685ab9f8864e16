package minixj.kernel.memory;

/**
 * A scalar read of simulated physical memory outside the installed frames. Reads cannot return
 * an error code in-band, so they throw this; every other access returns {@code EFAULT} instead.
 * It signals a kernel or VM bug (a PTE naming a frame that does not exist), never a user error.
 */
public final class PhysicalAddressException extends RuntimeException {
    private final long address;

    /** An access of {@code length} bytes at {@code address} in a memory of {@code size} bytes. */
    public PhysicalAddressException(long address, long length, long size) {
        super("physical access of " + length + " bytes at 0x" + Long.toHexString(address)
                + " outside memory of 0x" + Long.toHexString(size) + " bytes");
        this.address = address;
    }

    /** The offending physical address. */
    public long address() {
        return address;
    }
}
