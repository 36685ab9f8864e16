package minixj.lib.mem;

/**
 * A process's view of its own simulated memory, addressed by virtual address.
 *
 * <p>Every access is translated through the process's page table. Touching a page that is not
 * present (or writing a copy-on-write page) raises a page fault, which the kernel delivers to VM
 * on the process's behalf; the access completes once VM has resolved it. A fault that cannot be
 * resolved ends with the process receiving SIGSEGV.
 */
public interface UserMemory {
    /** Reads {@code length} bytes at {@code address} into {@code dst}. */
    void read(long address, byte[] dst, int offset, int length);

    /** Writes {@code length} bytes of {@code src} at {@code address}. */
    void write(long address, byte[] src, int offset, int length);

    /** Reads one byte. */
    byte readByte(long address);

    /** Writes one byte. */
    void writeByte(long address, byte value);

    /** Reads a little-endian 32-bit value. */
    int readInt(long address);

    /** Writes a little-endian 32-bit value. */
    void writeInt(long address, int value);

    /** Fills {@code length} bytes at {@code address} with {@code value}. */
    void fill(long address, long length, byte value);
}
