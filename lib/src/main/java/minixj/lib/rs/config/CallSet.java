package minixj.lib.rs.config;

import java.util.List;

/**
 * The {@code system} (kernel calls) or {@code vm} (VM calls) setting of a service: every call
 * ({@code ALL}), or the basic set (unless {@code NONE} took it away) plus the listed calls.
 *
 * @param all every call is allowed
 * @param basic the basic set is allowed (SYS_BASIC_CALLS or VM_BASIC_CALLS)
 * @param names the calls listed by name, in the order written (unknown names left out)
 * @param listedMask the mask of the listed calls: bit n allows call base + n
 */
public record CallSet(boolean all, boolean basic, List<String> names, long listedMask) {
    /** The default: the basic set only. */
    public static final CallSet BASIC = new CallSet(false, true, List.of(), 0);

    public CallSet {
        names = List.copyOf(names);
    }

    /**
     * The full mask.
     *
     * @param basicMask the basic set's mask
     * @param allMask the mask of every call
     */
    public long mask(long basicMask, long allMask) {
        if (all) return allMask;
        return (basic ? basicMask : 0) | listedMask;
    }
}
