package minixj.kernel.memory;

/**
 * A page fault met by a copy: the page at {@code address} of one side's address space is not
 * present, or {@code write} is true and it is read-only. VM can resolve it (map the page, break
 * copy-on-write) and the copy can be retried; see spec §5.3/§5.4.
 *
 * @param side which address space faulted
 * @param address the virtual (or, with physical addressing, physical) address that faulted
 * @param write true if the faulting access was a write
 */
public record MemoryFault(Side side, long address, boolean write) {
    /** The two sides of a copy. */
    public enum Side {
        /** The address space copied from. */
        SOURCE,
        /** The address space copied to (or filled). */
        DESTINATION
    }
}
