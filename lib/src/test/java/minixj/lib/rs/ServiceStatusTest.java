package minixj.lib.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.layout.RsRequestMsg;
import org.junit.jupiter.api.Test;

/** The /proc/service fields, the service flags and the RS request layout. */
class ServiceStatusTest {
    @Test
    void flagStringFollowsMinixsNineColumns() {
        ServiceStatus none = new ServiceStatus("x", "x", 5, 0, 0, 0, 0, List.of(), 0);
        assertEquals("---------", none.flagString());
        ServiceStatus all = new ServiceStatus("pm", "pm", 0, 0, 0,
                ServiceFlags.ACTIVE | ServiceFlags.UPDATING | ServiceFlags.EXITING | ServiceFlags.NOPINGREPLY,
                SysFlags.USE_COPY | SysFlags.USE_REPL | SysFlags.NEED_COPY | SysFlags.NEED_REPL | SysFlags.CORE_SRV,
                List.of("restart"), 0);
        assertEquals("AUENCRcrs", all.flagString());
        ServiceStatus pm = new ServiceStatus("pm", "pm", 0, 7, 2, ServiceFlags.IN_USE | ServiceFlags.ACTIVE,
                SysFlags.CORE_SRV | SysFlags.NEED_REPL, RecoveryPolicies.of("pm"), 0);
        assertEquals("""
                filename: pm
                endpoint: 0
                pid: 7
                restarts: 2
                flags: A------rs
                policies: restart
                ASRcount: 0
                """, pm.text());
    }

    @Test
    void policiesAndFlagNames() {
        assertEquals(List.of("restart"), RecoveryPolicies.of("hello"));
        assertEquals(List.of("reset"), RecoveryPolicies.of("lwip"));
        assertEquals(List.of(), RecoveryPolicies.of("acpi"));
        assertEquals("IN_USE|ACTIVE", ServiceFlags.names(ServiceFlags.IN_USE | ServiceFlags.ACTIVE));
        assertEquals("0", ServiceFlags.names(0));
        assertTrue(ServiceFlags.isIdle(ServiceFlags.IN_USE | ServiceFlags.ACTIVE | ServiceFlags.CLEANUP_SCRIPT));
        assertTrue(ServiceFlags.isIdle(ServiceFlags.DEAD | ServiceFlags.INITIALIZING));
        assertFalse(ServiceFlags.isIdle(ServiceFlags.IN_USE | ServiceFlags.INITIALIZING));
    }

    @Test
    void requestLayoutCarriesLabelsAndTheirWholeLength() {
        RsRequestMsg down = new RsRequestMsg(new Message(RsRequestMsg.RS_DOWN)).label("hello");
        assertEquals(5, down.labelLength());
        assertEquals("hello", down.label(15));
        assertEquals("hel", down.label(3));

        String longName = "a-very-long-name-that-does-not-fit-in-the-message";
        RsRequestMsg lookup = new RsRequestMsg(new Message(RsRequestMsg.RS_LOOKUP)).label(longName);
        assertEquals(longName.length(), lookup.labelLength());
        assertEquals(longName.substring(0, 15), lookup.label(15));
        assertEquals(longName.substring(0, RsRequestMsg.LABEL_BYTES), lookup.label(100));

        Message raw = new Message(RsRequestMsg.RS_FI);
        raw.putInt(12, -1);
        assertNull(new RsRequestMsg(raw).label(15));

        RsRequestMsg up = new RsRequestMsg(new Message(RsRequestMsg.RS_UP)).grant(3).length(200).subtype(7);
        assertEquals(3, up.grant());
        assertEquals(200, up.length());
        assertEquals(7, up.subtype());
        assertEquals(0x700, RsRequestMsg.RS_UP);
        assertEquals(0x716, RsRequestMsg.RS_EDIT);
        assertEquals(0x718, RsRequestMsg.RS_FI);
    }
}
