package minixj.kernel.memory;

import static minixj.lib.ipc.Errno.EFAULT;
import static minixj.lib.ipc.Errno.EINVAL;
import static minixj.lib.ipc.Errno.OK;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The machine's simulated physical memory: a fixed number of 4 KiB frames in one off-heap
 * segment, with a frame allocator.
 *
 * <p>Off-heap so that a large memory costs no GC work and copies are plain memmoves. The arena is
 * shared because device threads (disk DMA) may touch memory as well as the process threads.
 *
 * <p>The allocator is a bitmap searched from the lowest frame, so allocation is deterministic.
 * It is not synchronized: only the kernel, on behalf of one running process at a time, calls it.
 * Running out of frames returns {@link #NO_FRAME}; the host's memory is never at stake.
 * Out-of-range physical addresses give {@code EFAULT} (or {@link PhysicalAddressException} for
 * scalar reads), never an exception from the foreign memory API.
 */
public final class PhysicalMemory implements AutoCloseable {
    /** Bytes per frame (and per page). */
    public static final int FRAME_SIZE = 4096;
    /** log2 of {@link #FRAME_SIZE}. */
    public static final int FRAME_SHIFT = 12;
    /** Smallest memory accepted. */
    public static final long MIN_SIZE = 1L << 20;
    /** Default size at boot. */
    public static final long DEFAULT_SIZE = 64L << 20;
    /** Largest memory: frame numbers must fit the 20 bits of a PTE. */
    public static final long MAX_SIZE = 1L << 32;
    /** Returned by the allocator when no (contiguous run of) frame(s) is free. */
    public static final int NO_FRAME = -1;

    private static final ValueLayout.OfInt INT =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Arena arena;
    private final MemorySegment segment;
    private final int frames;
    private final long size;
    /** Bit set = frame in use. */
    private final long[] used;
    private int freeFrames;

    /** A memory of {@link #DEFAULT_SIZE}. */
    public PhysicalMemory() {
        this(DEFAULT_SIZE);
    }

    /**
     * A memory of {@code bytes}, rounded down to whole frames.
     *
     * @throws IllegalArgumentException if that is less than {@link #MIN_SIZE} or more than
     *     {@link #MAX_SIZE}
     */
    public PhysicalMemory(long bytes) {
        long rounded = bytes & ~(long) (FRAME_SIZE - 1);
        if (rounded < MIN_SIZE || rounded > MAX_SIZE) {
            throw new IllegalArgumentException("physical memory size " + bytes);
        }
        this.size = rounded;
        this.frames = (int) (rounded >>> FRAME_SHIFT);
        this.arena = Arena.ofShared();
        this.segment = arena.allocate(rounded, FRAME_SIZE); // allocate() zeroes
        this.used = new long[(frames + 63) >>> 6];
        this.freeFrames = frames;
    }

    /** Size in bytes. */
    public long size() {
        return size;
    }

    /** Number of frames. */
    public int totalFrames() {
        return frames;
    }

    /** Number of frames not allocated. */
    public int freeFrames() {
        return freeFrames;
    }

    /** Physical address of a frame. */
    public static long frameAddress(int frame) {
        return (long) frame << FRAME_SHIFT;
    }

    // ---- frame allocator ----

    /** Allocates the lowest free frame, zeroed; {@link #NO_FRAME} if none is free. */
    public int allocateFrame() {
        return allocateFrames(1);
    }

    /**
     * Allocates {@code count} physically contiguous frames (lowest run first), zeroed.
     *
     * @return the first frame, or {@link #NO_FRAME} if no run is free or {@code count < 1}
     */
    public int allocateFrames(int count) {
        if (count < 1 || count > freeFrames) {
            return NO_FRAME;
        }
        int run = 0;
        for (int f = nextFree(0); f >= 0 && f < frames; ) {
            if (isUsed(f)) {
                run = 0;
                f = nextFree(f);
                continue;
            }
            run++;
            if (run == count) {
                int first = f - count + 1;
                mark(first, count, true);
                segment.asSlice(frameAddress(first), (long) count * FRAME_SIZE).fill((byte) 0);
                return first;
            }
            f++;
        }
        return NO_FRAME;
    }

    /** Frees one frame; {@code EINVAL} if it is out of range or not allocated. */
    public int freeFrame(int frame) {
        return freeFrames(frame, 1);
    }

    /**
     * Frees {@code count} frames from {@code first}.
     *
     * @return OK, or {@code EINVAL} (and nothing freed) if the range is out of bounds or any
     *     frame in it is not allocated
     */
    public int freeFrames(int first, int count) {
        if (first < 0 || count < 1 || (long) first + count > frames) {
            return EINVAL;
        }
        for (int f = first; f < first + count; f++) {
            if (!isUsed(f)) {
                return EINVAL;
            }
        }
        mark(first, count, false);
        return OK;
    }

    /** True if {@code frame} is allocated (false for out-of-range frames). */
    public boolean isAllocated(int frame) {
        return frame >= 0 && frame < frames && isUsed(frame);
    }

    private boolean isUsed(int f) {
        return (used[f >>> 6] & (1L << f)) != 0;
    }

    /** The lowest free frame at or after {@code from}, or -1. */
    private int nextFree(int from) {
        int word = from >>> 6;
        if (word >= used.length) {
            return -1;
        }
        long bits = ~used[word] & (-1L << from);
        while (bits == 0) {
            if (++word >= used.length) {
                return -1;
            }
            bits = ~used[word];
        }
        int f = (word << 6) + Long.numberOfTrailingZeros(bits);
        return f < frames ? f : -1;
    }

    private void mark(int first, int count, boolean inUse) {
        for (int f = first; f < first + count; f++) {
            if (inUse) {
                used[f >>> 6] |= 1L << f;
            } else {
                used[f >>> 6] &= ~(1L << f);
            }
        }
        freeFrames += inUse ? -count : count;
    }

    // ---- access by physical address ----

    /** True if {@code [address, address + length)} lies inside memory. */
    public boolean contains(long address, long length) {
        return address >= 0 && length >= 0 && address <= size && length <= size - address;
    }

    private void check(long address, long length) {
        if (!contains(address, length)) {
            throw new PhysicalAddressException(address, length, size);
        }
    }

    /** Reads a byte; throws {@link PhysicalAddressException} if out of range. */
    public byte readByte(long address) {
        check(address, 1);
        return segment.get(ValueLayout.JAVA_BYTE, address);
    }

    /** Reads a little-endian int; throws {@link PhysicalAddressException} if out of range. */
    public int readInt(long address) {
        check(address, 4);
        return segment.get(INT, address);
    }

    /** Reads a little-endian long; throws {@link PhysicalAddressException} if out of range. */
    public long readLong(long address) {
        check(address, 8);
        return segment.get(LONG, address);
    }

    /** Writes a byte; OK or EFAULT. */
    public int writeByte(long address, byte value) {
        if (!contains(address, 1)) {
            return EFAULT;
        }
        segment.set(ValueLayout.JAVA_BYTE, address, value);
        return OK;
    }

    /** Writes a little-endian int; OK or EFAULT. */
    public int writeInt(long address, int value) {
        if (!contains(address, 4)) {
            return EFAULT;
        }
        segment.set(INT, address, value);
        return OK;
    }

    /** Writes a little-endian long; OK or EFAULT. */
    public int writeLong(long address, long value) {
        if (!contains(address, 8)) {
            return EFAULT;
        }
        segment.set(LONG, address, value);
        return OK;
    }

    /** Copies {@code length} bytes at {@code address} into {@code dst[offset..]}; OK or EFAULT. */
    public int read(long address, byte[] dst, int offset, int length) {
        if (!contains(address, length) || offset < 0 || length > dst.length - offset) {
            return EFAULT;
        }
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, address, dst, offset, length);
        return OK;
    }

    /** Copies {@code src[offset..offset+length)} to {@code address}; OK or EFAULT. */
    public int write(long address, byte[] src, int offset, int length) {
        if (!contains(address, length) || offset < 0 || length > src.length - offset) {
            return EFAULT;
        }
        MemorySegment.copy(src, offset, segment, ValueLayout.JAVA_BYTE, address, length);
        return OK;
    }

    /** Copies {@code length} bytes between physical addresses (overlap allowed); OK or EFAULT. */
    public int copy(long src, long dst, long length) {
        if (!contains(src, length) || !contains(dst, length)) {
            return EFAULT;
        }
        MemorySegment.copy(segment, src, segment, dst, length);
        return OK;
    }

    /** Fills {@code length} bytes at {@code address} with {@code value}; OK or EFAULT. */
    public int fill(long address, long length, byte value) {
        if (!contains(address, length)) {
            return EFAULT;
        }
        segment.asSlice(address, length).fill(value);
        return OK;
    }

    /** Releases the off-heap memory; any later access fails with IllegalStateException. */
    @Override
    public void close() {
        arena.close();
    }
}
