package minixj.kernel.memory;

import static minixj.lib.ipc.Errno.EFAULT;
import static minixj.lib.ipc.Errno.OK;

/**
 * The outcome of an {@link Mmu} copy or fill.
 *
 * <ul>
 *   <li>{@code status == OK}: all bytes moved, {@code fault == null};
 *   <li>{@code status == EFAULT} with a {@code fault}: a page fault VM may resolve; {@code copied}
 *       bytes (from the start) moved before it, so a retry can resume there;
 *   <li>{@code status == EFAULT} without a fault: a hard error (address outside the address
 *       space or physical memory, negative length, a PTE naming a frame that does not exist).
 * </ul>
 *
 * @param status OK or EFAULT
 * @param copied bytes moved before stopping
 * @param fault the page fault, if that is why the copy stopped
 */
public record CopyResult(int status, long copied, MemoryFault fault) {
    /** A completed transfer of {@code copied} bytes. */
    public static CopyResult done(long copied) {
        return new CopyResult(OK, copied, null);
    }

    /** A hard error after {@code copied} bytes. */
    public static CopyResult error(long copied) {
        return new CopyResult(EFAULT, copied, null);
    }

    /** A page fault after {@code copied} bytes. */
    public static CopyResult faulted(long copied, MemoryFault fault) {
        return new CopyResult(EFAULT, copied, fault);
    }

    /** True if every byte moved. */
    public boolean ok() {
        return status == OK;
    }
}
