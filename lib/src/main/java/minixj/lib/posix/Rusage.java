package minixj.lib.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Resource usage (struct rusage) as PM copies it into a process's memory: {@link #SIZE} bytes,
 * eighteen little-endian 64-bit values in this order: user time (seconds, microseconds), system
 * time (seconds, microseconds), maxrss (KiB), ixrss, idrss, isrss, minflt, majflt, nswap,
 * inblock, oublock, msgsnd, msgrcv, nsignals, nvcsw, nivcsw. PM fills the times (MINIX's PM does
 * the same; the others stay 0 except maxrss, which is the resident size VM reports now).
 */
public record Rusage(Timeval utime, Timeval stime, long maxrss, long ixrss, long idrss, long isrss, long minflt,
                     long majflt, long nswap, long inblock, long oublock, long msgsnd, long msgrcv, long nsignals,
                     long nvcsw, long nivcsw) {
    public static final int SIZE = 18 * 8;

    /** The structure as bytes. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(utime.sec()).putLong(utime.usec()).putLong(stime.sec()).putLong(stime.usec())
                .putLong(maxrss).putLong(ixrss).putLong(idrss).putLong(isrss).putLong(minflt).putLong(majflt)
                .putLong(nswap).putLong(inblock).putLong(oublock).putLong(msgsnd).putLong(msgrcv).putLong(nsignals)
                .putLong(nvcsw).putLong(nivcsw);
        return b.array();
    }

    /** The structure read from {@link #SIZE} bytes. */
    public static Rusage fromBytes(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        return new Rusage(new Timeval(b.getLong(), b.getLong()), new Timeval(b.getLong(), b.getLong()), b.getLong(),
                b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(),
                b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }

    /** Times from clock ticks (MINIX's set_rusage_times); all other fields but maxrss zero. */
    public static Rusage ofTicks(long userTicks, long systemTicks, long hz, long maxrssKib) {
        return new Rusage(fromTicks(userTicks, hz), fromTicks(systemTicks, hz), maxrssKib, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0);
    }

    private static Timeval fromTicks(long ticks, long hz) {
        return new Timeval(ticks / hz, (ticks % hz) * 1_000_000L / hz);
    }
}
