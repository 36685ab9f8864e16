package minixj.servers.rs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.rs.ServiceFlags;
import minixj.lib.rs.ServiceStatus;

/**
 * RS's service table (spec §1.1): {@link RsConstants#NR_SERVICES} entries, one per possible
 * system privilege structure, and a map from process-table slot to entry (MINIX's {@code
 * rproc_ptr}) so that a message's source endpoint finds its entry at once.
 *
 * <p>An entry's endpoint is set through {@link #bind} and cleared through {@link #unbind}, which
 * keep the map right; {@link #byEndpoint} also checks the generation, so a stale endpoint of a dead
 * process never finds its successor's entry.
 */
final class ServiceTable {
    private final ServiceEntry[] entries = new ServiceEntry[RsConstants.NR_SERVICES];
    /** Process slot + NR_TASKS to the entry running in it. */
    private final ServiceEntry[] bySlot = new ServiceEntry[Endpoint.NR_TASKS + Endpoint.NR_PROCS];

    ServiceTable() {
        for (int i = 0; i < entries.length; i++) entries[i] = new ServiceEntry(i);
    }

    /** The entry at {@code index} (0..63), or null. */
    ServiceEntry at(int index) {
        return index >= 0 && index < entries.length ? entries[index] : null;
    }

    /**
     * A free entry, reset and marked IN_USE.
     *
     * @return the entry, or null if all 64 are in use
     */
    ServiceEntry allocate() {
        for (int i = 0; i < entries.length; i++) {
            if (!entries[i].inUse()) {
                entries[i] = new ServiceEntry(i);
                entries[i].set(ServiceFlags.IN_USE);
                return entries[i];
            }
        }
        return null;
    }

    /** Frees an entry: unbinds its endpoint, unlinks its instances and clears it. */
    void free(ServiceEntry entry) {
        unbind(entry);
        for (ServiceEntry other : entries) {
            if (other.previous == entry) other.previous = null;
            if (other.next == entry) other.next = null;
            if (other.oldInstance == entry) other.oldInstance = null;
            if (other.newInstance == entry) other.newInstance = null;
        }
        entries[entry.index] = new ServiceEntry(entry.index);
    }

    /** Gives {@code entry} the endpoint of its process (replacing any earlier one). */
    void bind(ServiceEntry entry, int endpoint) {
        unbind(entry);
        entry.endpoint = endpoint;
        int slot = slotIndex(endpoint);
        if (slot >= 0) bySlot[slot] = entry;
    }

    /** Forgets the entry's endpoint. */
    void unbind(ServiceEntry entry) {
        int slot = slotIndex(entry.endpoint);
        if (slot >= 0 && bySlot[slot] == entry) bySlot[slot] = null;
        entry.endpoint = Endpoint.NONE;
    }

    /** Swaps the endpoints of two entries (after the kernel swapped their processes' slots). */
    void swapEndpoints(ServiceEntry a, ServiceEntry b) {
        int endpointA = a.endpoint;
        int endpointB = b.endpoint;
        unbind(a);
        unbind(b);
        bind(a, endpointB);
        bind(b, endpointA);
    }

    private static int slotIndex(int endpoint) {
        if (endpoint == Endpoint.NONE || endpoint == Endpoint.ANY || endpoint == Endpoint.SELF) return -1;
        int index = Endpoint.slot(endpoint) + Endpoint.NR_TASKS;
        return index >= 0 && index < Endpoint.NR_TASKS + Endpoint.NR_PROCS ? index : -1;
    }

    /** The in-use entry whose process has exactly this endpoint, or null. */
    ServiceEntry byEndpoint(int endpoint) {
        int slot = slotIndex(endpoint);
        if (slot < 0) return null;
        ServiceEntry entry = bySlot[slot];
        return entry != null && entry.inUse() && entry.endpoint == endpoint ? entry : null;
    }

    /** The ACTIVE instance with this label, or null. */
    ServiceEntry byLabel(String label) {
        for (ServiceEntry entry : entries) {
            if (entry.inUse() && entry.has(ServiceFlags.ACTIVE) && entry.label.equals(label)) return entry;
        }
        return null;
    }

    /** The in-use entries, in table order. */
    List<ServiceEntry> inUse() {
        List<ServiceEntry> used = new ArrayList<>();
        for (ServiceEntry entry : entries) if (entry.inUse()) used.add(entry);
        return used;
    }

    /** The ACTIVE entries, in table order. */
    List<ServiceEntry> active() {
        return inUse().stream().filter(e -> e.has(ServiceFlags.ACTIVE)).toList();
    }

    /** RS is idle when every in-use entry is (spec §1.1). */
    boolean isIdle() {
        for (ServiceEntry entry : entries) if (entry.inUse() && !entry.isIdle()) return false;
        return true;
    }

    /** True if an in-use entry other than {@code except} is INITIALIZING (the heartbeat "free pass"). */
    boolean anyOtherInitializing(ServiceEntry except) {
        for (ServiceEntry entry : entries) {
            if (entry != except && entry.inUse() && entry.has(ServiceFlags.INITIALIZING)) return true;
        }
        return false;
    }

    /**
     * What an RS_UP must not take from a live service (EBUSY): its label, its device major, its
     * socket domains.
     *
     * @return a description of the clash, or null if there is none
     */
    String clashWithActive(String label, int major, List<Integer> domains) {
        for (ServiceEntry entry : active()) {
            if (entry.label.equals(label)) return "label " + label + " is taken";
            if (major != 0 && entry.major == major) return "major " + major + " belongs to " + entry.label;
            for (int domain : domains) {
                if (entry.domains.contains(domain)) return "domain " + domain + " belongs to " + entry.label;
            }
        }
        return null;
    }

    /**
     * The IPC send mask of a service over privilege ids (spec §1.9): its own {@code ipc} setting
     * (ALL: everyone; ALL_SYS: everyone but the user processes' shared structure; otherwise the
     * running services with a listed program name, SYSTEM for the kernel, USER for user
     * processes), plus every running service that lets it in (whose list is ALL, ALL_SYS if this is
     * a system process, or names this program). The kernel keeps masks symmetric, so services that
     * start later become reachable too.
     */
    long sendMask(ServiceEntry service) {
        long mask = 0;
        String ipc = service.ipc;
        if (ipc.equals("ALL")) {
            mask = -1L;
        } else if (ipc.equals("ALL_SYS")) {
            mask = ~(1L << PrivFlags.USER_PRIV_ID);
        } else {
            List<String> names = Arrays.asList(ipc.trim().split(" +"));
            if (names.contains("SYSTEM")) mask |= 1L << PrivFlags.staticPrivId(Endpoint.SYSTEM);
            if (names.contains("USER")) mask |= 1L << PrivFlags.USER_PRIV_ID;
            for (ServiceEntry other : running()) {
                if (names.contains(other.programName)) mask |= 1L << other.privId;
            }
        }
        for (ServiceEntry other : running()) {
            if (other == service) continue;
            boolean letsIn = switch (other.ipc) {
                case "ALL" -> true;
                case "ALL_SYS" -> service.isSystemProcess();
                default -> Arrays.asList(other.ipc.trim().split(" +")).contains(service.programName);
            };
            if (letsIn) mask |= 1L << other.privId;
        }
        if (service.privId >= 0) mask &= ~(1L << service.privId);
        return mask;
    }

    private List<ServiceEntry> running() {
        return active().stream().filter(e -> e.privId >= 0 && e.privId < PrivFlags.NR_SYS_PROCS).toList();
    }

    /** The status of every ACTIVE service, in table order. */
    List<ServiceStatus> statuses() {
        return active().stream().map(ServiceEntry::status).toList();
    }

    /**
     * The answer to {@code service sysctl srv_status}: for each instance in use, its label and
     * the {@code /proc/service} fields, and for instances that are not the live one their state bits.
     */
    String statusText() {
        StringBuilder out = new StringBuilder();
        for (ServiceEntry entry : inUse()) {
            out.append("label: ").append(entry.label).append('\n').append(entry.status().text());
            if (!entry.has(ServiceFlags.ACTIVE)) out.append("state: ").append(ServiceFlags.names(entry.flags)).append('\n');
            out.append('\n');
        }
        return out.toString();
    }
}
