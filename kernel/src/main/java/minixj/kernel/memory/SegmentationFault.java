package minixj.kernel.memory;

/**
 * A process touched memory that cannot be made accessible: an address outside the 32-bit space,
 * or a page still missing after the fault handler returned {@link ProcessMemory#MAX_RETRIES}
 * times. The kernel turns it into SIGSEGV for the process.
 */
public final class SegmentationFault extends RuntimeException {
    private final long address;
    private final boolean write;

    /** A fault at {@code address} (a write if {@code write}). */
    public SegmentationFault(long address, boolean write) {
        super((write ? "write" : "read") + " fault at 0x" + Long.toHexString(address));
        this.address = address;
        this.write = write;
    }

    /** The faulting virtual address. */
    public long address() {
        return address;
    }

    /** True if the access was a write. */
    public boolean write() {
        return write;
    }
}
