package minixj.servers.ds;

import minixj.lib.ds.Ds;

/**
 * One subscription (MINIX's {@code struct subscription}): whose it is, the pattern keys must match
 * as a whole, the types it wants, and which entries changed since the owner last checked (by
 * slot of the entry table, so CHECK reports the lowest slot first, as MINIX does).
 */
public final class Subscription {
    /** Label of the subscriber (or {@code "#<endpoint>"}). */
    String owner;
    /** The pattern as the subscriber gave it (compiled on use, see {@link KeyPattern}). */
    String regex;
    /** Type bits wanted; 0 means every type. */
    int types;
    /** Entry slots changed and not yet checked. */
    boolean[] changed = new boolean[Ds.MAX_ENTRIES];

    Subscription(String owner, String regex, int types) {
        this.owner = owner;
        this.regex = regex;
        this.types = types;
    }

    boolean wants(int type) {
        return types == 0 || (types & type) != 0;
    }
}
