package minixj.kernel.memory;

/**
 * Resolves a page fault a process met while touching its own memory. The kernel's
 * implementation sends VM_PAGEFAULT on the process's behalf and blocks the process until VM
 * clears the fault (spec §5.3); if VM kills the process instead, it throws (the process's
 * thread unwinds with SIGSEGV). Returning means "retry the access".
 */
@FunctionalInterface
public interface PageFaultHandler {
    /** Handles a fault at {@code vaddr}; {@code write} tells whether the access was a write. */
    void pageFault(long vaddr, boolean write);
}
