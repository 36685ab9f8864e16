package minixj.lib.mem;

/**
 * Tells the kernel where a process's grant table is (SYS_SETGRANT). The grant library calls it
 * each time the table moves or grows.
 */
@FunctionalInterface
public interface GrantTableRegistrar {
    /**
     * Registers the table at {@code address} with {@code entries} entries.
     *
     * @return 0 (OK) on success, a negative error code otherwise
     */
    int register(long address, int entries);
}
