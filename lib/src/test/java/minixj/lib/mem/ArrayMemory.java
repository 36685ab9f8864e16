package minixj.lib.mem;

/** A flat byte-array UserMemory for library tests (no paging). */
final class ArrayMemory implements UserMemory {
    final byte[] bytes;

    ArrayMemory(int size) {
        bytes = new byte[size];
    }

    @Override
    public void read(long address, byte[] dst, int offset, int length) {
        System.arraycopy(bytes, (int) address, dst, offset, length);
    }

    @Override
    public void write(long address, byte[] src, int offset, int length) {
        System.arraycopy(src, offset, bytes, (int) address, length);
    }

    @Override
    public byte readByte(long address) {
        return bytes[(int) address];
    }

    @Override
    public void writeByte(long address, byte value) {
        bytes[(int) address] = value;
    }

    @Override
    public int readInt(long address) {
        int a = (int) address;
        return (bytes[a] & 0xFF) | (bytes[a + 1] & 0xFF) << 8 | (bytes[a + 2] & 0xFF) << 16
                | (bytes[a + 3] & 0xFF) << 24;
    }

    @Override
    public void writeInt(long address, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[(int) address + i] = (byte) (value >> (8 * i));
        }
    }

    @Override
    public void fill(long address, long length, byte value) {
        java.util.Arrays.fill(bytes, (int) address, (int) (address + length), value);
    }
}
