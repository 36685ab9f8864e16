package minixj.kernel.memory;

import static minixj.lib.ipc.Errno.OK;

/**
 * The verdict of {@link GrantVerifier#verify}.
 *
 * @param status OK or a negative error code
 * @param endpoint when OK, the process whose memory the grant covers (the last granter of an
 *     indirect chain, or a magic grant's {@code who_from})
 * @param address when OK, the virtual address in that process where the access starts, or
 *     {@link #NO_ADDRESS} for an access-less request let through during a live update
 * @param flags when OK, the CPF_* flags of the final entry (the kernel needs CPF_TRY)
 */
public record GrantResult(int status, int endpoint, long address, int flags) {
    /** Address of a result that grants no memory. */
    public static final long NO_ADDRESS = -1;

    /** A failed verification. */
    public static GrantResult error(int status) {
        return new GrantResult(status, 0, NO_ADDRESS, 0);
    }

    /** True if the grant allows the access. */
    public boolean ok() {
        return status == OK;
    }
}
