package minixj.servers.ds;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import minixj.lib.ds.Ds;
import minixj.lib.ds.DsChange;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;

/**
 * Subscriptions: SUBSCRIBE and CHECK, and the marks and notifies that publishing and deleting
 * cause (MINIX's {@code update_subscribers} and {@code check_snapshot_index}).
 */
final class Subscriptions {
    private final DsState state;
    private final Names names;
    private final IntConsumer notifier;
    /** Compiled patterns by source text; not part of the state (a new instance recompiles). */
    private final Map<String, Pattern> compiled = new HashMap<>();

    /** @param notifier sends a notify to an endpoint */
    Subscriptions(DsState state, Names names, IntConsumer notifier) {
        this.state = state;
        this.names = names;
        this.notifier = notifier;
    }

    /**
     * SUBSCRIBE: one subscription per caller (EEXIST, or replaced with OVERWRITE); a pattern that
     * does not compile is EINVAL; the table full is EAGAIN. With INITIAL, every existing match is
     * marked and the caller notified once.
     */
    void subscribe(String caller, int callerEndpoint, String regex, int flags) {
        Pattern pattern = pattern(regex);
        if (pattern == null) throw new Refusal(Errno.EINVAL);
        Subscription[] table = state.subscriptions;
        int slot = -1;
        for (int i = 0; i < table.length; i++) {
            if (table[i] != null && table[i].owner.equals(caller)) {
                if ((flags & Ds.DSF_OVERWRITE) == 0) throw new Refusal(Errno.EEXIST);
                slot = i;
                break;
            }
        }
        if (slot < 0) {
            for (int i = 0; i < table.length && slot < 0; i++) if (table[i] == null) slot = i;
            if (slot < 0) throw new Refusal(Errno.EAGAIN);
        }
        Subscription s = new Subscription(caller, regex, flags & Ds.DSF_MASK_TYPE);
        table[slot] = s;
        if ((flags & Ds.DSF_INITIAL) == 0) return;
        boolean any = false;
        for (int i = 0; i < state.entries.length; i++) {
            DsEntry e = state.entries[i];
            if (e != null && interested(s, e)) {
                s.changed[i] = true;
                any = true;
            }
        }
        if (any) notifier.accept(callerEndpoint);
    }

    /**
     * CHECK: hands the lowest-slot entry marked for the caller's subscription to {@code deliver}
     * and unmarks it once delivered (a failed delivery, such as a bad grant, keeps the mark).
     * ESRCH without a subscription, ENOENT when nothing is marked.
     */
    void check(String caller, Consumer<DsChange> deliver) {
        Subscription s = state.subscriptionOf(caller);
        if (s == null) throw new Refusal(Errno.ESRCH);
        for (int i = 0; i < s.changed.length; i++) {
            if (!s.changed[i]) continue;
            DsEntry e = state.entries[i];
            if (e == null) { // a stale mark; deletion clears them, so only after a repair
                s.changed[i] = false;
                continue;
            }
            // MINIX panics when the owner no longer resolves; NONE tells the subscriber instead.
            deliver.accept(new DsChange(e.key, e.type(), names.endpointOf(e.owner)));
            s.changed[i] = false;
            return;
        }
        throw new Refusal(Errno.ENOENT);
    }

    /** The entry in {@code slot} was published or changed: mark it for and notify its subscribers. */
    void changed(int slot) {
        DsEntry e = state.entries[slot];
        for (Subscription s : state.subscriptions) {
            if (s != null && interested(s, e)) {
                s.changed[slot] = true;
                notify(s);
            }
        }
    }

    /**
     * The entry in {@code slot} is being deleted: its subscribers lose the mark but still get a
     * notify, so their next check may find nothing (which they read as "deleted").
     */
    void deleting(int slot) {
        DsEntry e = state.entries[slot];
        for (Subscription s : state.subscriptions) {
            if (s == null) continue;
            boolean wasMarked = s.changed[slot];
            s.changed[slot] = false;
            if (interested(s, e) || wasMarked) notify(s);
        }
    }

    /** Frees the subscription of {@code owner} (its label was deleted). */
    void drop(String owner) {
        Subscription[] table = state.subscriptions;
        for (int i = 0; i < table.length; i++) if (table[i] != null && table[i].owner.equals(owner)) table[i] = null;
    }

    /** Gives {@code from}'s subscription to {@code to} (a label adopting an endpoint-derived name). */
    void rename(String from, String to) {
        if (state.subscriptionOf(to) != null) return; // the label already has one; keep it
        Subscription s = state.subscriptionOf(from);
        if (s != null) s.owner = to;
    }

    private boolean interested(Subscription s, DsEntry e) {
        if (!s.wants(e.type())) return false;
        if (e.is(Ds.DSF_PRIV_SUBSCRIBE) && !s.owner.equals(e.owner)) return false;
        Pattern p = pattern(s.regex);
        return p != null && KeyPattern.matches(p, e.key);
    }

    private void notify(Subscription s) {
        int endpoint = names.endpointOf(s.owner);
        if (endpoint != Endpoint.NONE) notifier.accept(endpoint);
    }

    private Pattern pattern(String regex) {
        Pattern p = compiled.get(regex);
        if (p == null && !compiled.containsKey(regex)) {
            p = KeyPattern.compile(regex);
            if (compiled.size() >= Ds.MAX_SUBSCRIPTIONS * 2) compiled.clear(); // bounded cache
            compiled.put(regex, p);
        }
        return p;
    }
}
