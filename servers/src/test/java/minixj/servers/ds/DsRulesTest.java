package minixj.servers.ds;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import minixj.lib.ds.Ds;
import minixj.lib.ipc.Errno;

/**
 * Rules checked on the server's classes directly, where a machine would need too many processes:
 * the subscription table's limit (EAGAIN), and the pattern matcher's anchoring and step budget.
 */
class DsRulesTest {
    @Test
    void theSubscriptionTableHoldsMaxSubscriptions() {
        DsState state = new DsState();
        List<Integer> notified = new ArrayList<>();
        Subscriptions subs = new Subscriptions(state, new Names(state, 6), notified::add);
        for (int i = 0; i < Ds.MAX_SUBSCRIPTIONS; i++) subs.subscribe("#" + (1000 + i), 1000 + i, "k.*", 0);
        Refusal full = assertThrows(Refusal.class, () -> subs.subscribe("#999", 999, "k.*", 0));
        assertEquals(Errno.EAGAIN, full.errno);
        subs.subscribe("#1000", 1000, "other", Ds.DSF_OVERWRITE); // replacing needs no new slot
        subs.drop("#1001");
        subs.subscribe("#999", 999, "k.*", 0);
        assertEquals(Ds.MAX_SUBSCRIPTIONS, state.subscriptionCount());
    }

    @Test
    void patternsMatchWholeKeysWithinTheBudget() {
        Pattern p = KeyPattern.compile("drv\\.[bc]..\\..*");
        assertTrue(KeyPattern.matches(p, "drv.chr.tty"));
        assertFalse(KeyPattern.matches(p, "xdrv.chr.tty"));
        assertFalse(KeyPattern.matches(KeyPattern.compile("drv"), "drv.chr"));
        assertNull(KeyPattern.compile("[a-"));
        Pattern evil = KeyPattern.compile("(a+)+b");
        assertFalse(KeyPattern.matches(evil, "a".repeat(79))); // abandoned, not hung
        assertTrue(KeyPattern.matches(evil, "aaab"));
    }
}
