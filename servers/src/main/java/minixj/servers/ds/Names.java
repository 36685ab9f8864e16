package minixj.servers.ds;

import minixj.lib.ds.Ds;
import minixj.lib.ipc.Endpoint;

/**
 * Who a caller is to DS. MINIX identifies callers by the label RS published for their endpoint
 * ({@code "ds"} for DS itself), so ownership survives restarts that keep the endpoint and live
 * updates. MINIX refuses callers without a label (EPERM to publish or delete, ESRCH to subscribe
 * or check); MinixJ instead names them {@code "#<endpoint>"}, so services work before RS runs and
 * in tests without RS. Labels may not start with {@code '#'}, so such a name never collides with
 * one; when RS later publishes a label for that endpoint, the label adopts what the endpoint
 * name owned (see {@link Store}). An unlabelled owner's data is tied to its endpoint: a restart
 * that keeps the endpoint keeps it, a reincarnation with a new endpoint orphans it.
 */
final class Names {
    /** Prefix of endpoint-derived names. */
    static final String ENDPOINT_PREFIX = "#";
    /** DS's own name. */
    static final String SELF = "ds";

    private final DsState state;
    private final int self;

    Names(DsState state, int selfEndpoint) {
        this.state = state;
        this.self = selfEndpoint;
    }

    /** The label of {@code endpoint}, or null if it has none. */
    String labelOf(int endpoint) {
        if (endpoint == self) return SELF;
        int slot = state.findLabelOf(endpoint);
        return slot < 0 ? null : state.entries[slot].key;
    }

    /** The name DS knows {@code endpoint} by: its label, else its endpoint-derived name. */
    String nameOf(int endpoint) {
        String label = labelOf(endpoint);
        return label != null ? label : anonymous(endpoint);
    }

    static String anonymous(int endpoint) {
        return ENDPOINT_PREFIX + endpoint;
    }

    /** The endpoint named {@code name} (a label or an endpoint-derived name), or NONE. */
    int endpointOf(String name) {
        if (name.startsWith(ENDPOINT_PREFIX)) {
            try {
                return Integer.parseInt(name.substring(ENDPOINT_PREFIX.length()));
            } catch (NumberFormatException e) {
                return Endpoint.NONE;
            }
        }
        int slot = state.find(name, Ds.DSF_TYPE_LABEL);
        if (slot >= 0) return state.entries[slot].value;
        return name.equals(SELF) ? self : Endpoint.NONE;
    }

    /**
     * Only RS publishes labels: the process in RS's slot (RS keeps its endpoint across restarts
     * and updates) or whoever holds the label {@code "rs"}.
     */
    boolean isRs(int endpoint) {
        return Endpoint.slot(endpoint) == Endpoint.RS || "rs".equals(labelOf(endpoint));
    }
}
