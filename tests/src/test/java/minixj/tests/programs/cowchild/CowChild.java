package minixj.tests.programs.cowchild;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.mem.UserMemory;

/**
 * A forked child for the copy-on-write test: reads the value it inherited at {@link #ADDRESS},
 * writes its own, reads it back and reports both to PM (sendrec, so it ends after PM's answer).
 */
public final class CowChild {
    /** The shared address, in the initial region past the image the parent wrote. */
    public static final long ADDRESS = MemoryLayout.INITIAL_REGION_BASE + (1L << 20);
    public static final int CHILD_VALUE = 222;
    /** Message type of the report. */
    public static final int REPORT = 7001;

    private CowChild() {
    }

    public static void main(String[] args) {
        Trap trap = Trap.current();
        UserMemory memory = trap.memory();
        int inherited = memory.readInt(ADDRESS);
        memory.writeInt(ADDRESS, CHILD_VALUE);
        Message m = new Message(REPORT);
        m.putInt(0, inherited);
        m.putInt(4, memory.readInt(ADDRESS));
        trap.sendrec(Endpoint.PM, m);
    }
}
