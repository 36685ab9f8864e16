package minixj.kernel.memory;

/**
 * A registered grant table, as the privilege structure records it.
 *
 * @param address virtual address of the table in its owner's memory
 * @param entries number of entries (0: no table)
 * @param registeredBy the endpoint that registered it (MINIX's {@code s_grant_endpoint})
 */
public record GrantTableInfo(long address, int entries, int registeredBy) {
}
