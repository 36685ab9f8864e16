package minixj.servers.pm;

import java.util.Arrays;
import java.util.List;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysGetinfoMsg;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.sys.Sys;

/**
 * PM's process table by slot, built at start from the kernel's (GET_PROCTAB): INIT is pid 1 and
 * its own parent; system services are children of RS (of PM when RS does not run), user
 * processes children of INIT. New pids count up from above the boot pids, skipping pids in use.
 */
final class ProcessTable {
    static final int INIT_PID = 1;
    static final int PID_MAX = 30000;
    /** GET_PROCTAB record: slot, endpoint, rts, misc, priority, priv id, scheduler, ... (64 bytes). */
    private static final int PROC_SIZE = 64;
    private static final int RTS_SLOT_FREE = 0x1;
    private static final long BUFFER = MemoryLayout.INITIAL_REGION_BASE;

    private final MProc[] procs = new MProc[Endpoint.NR_PROCS];
    private final List<MProc> all;
    private int nextPid;
    /** Endpoints of SCHED and VM when they run (NONE otherwise). */
    final int sched;
    final int vm;
    /** VFS's endpoint when it runs (NONE otherwise). */
    final int vfs;
    final int self;

    private ProcessTable(int self, int sched, int vm, int vfs) {
        for (int i = 0; i < procs.length; i++) procs[i] = new MProc(i);
        all = Arrays.asList(procs);
        this.self = self;
        this.sched = sched;
        this.vm = vm;
        this.vfs = vfs;
    }

    static ProcessTable boot(Trap trap) {
        int entries = Endpoint.NR_TASKS + Endpoint.NR_PROCS;
        int size = entries * PROC_SIZE;
        int r = Sys.getinfo(trap, SysGetinfoMsg.GET_PROCTAB, Endpoint.SELF, BUFFER, size);
        if (r != 0) throw new IllegalStateException("pm: GET_PROCTAB failed: " + r);
        byte[] raw = new byte[size];
        trap.memory().read(BUFFER, raw, 0, size);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int[] endpoints = new int[Endpoint.NR_PROCS];
        int[] privIds = new int[Endpoint.NR_PROCS];
        int[] schedulers = new int[Endpoint.NR_PROCS];
        boolean[] live = new boolean[Endpoint.NR_PROCS];
        for (int i = 0; i < entries; i++) {
            int at = i * PROC_SIZE;
            int slot = b.getInt(at);
            if (slot < 0 || slot >= Endpoint.NR_PROCS) continue;
            live[slot] = (b.getInt(at + 8) & RTS_SLOT_FREE) == 0;
            endpoints[slot] = b.getInt(at + 4);
            privIds[slot] = b.getInt(at + 20);
            schedulers[slot] = b.getInt(at + 24);
        }
        int self = Sys.whoami(trap).endpoint();
        ProcessTable t = new ProcessTable(self,
                live[Endpoint.SCHED] ? endpoints[Endpoint.SCHED] : Endpoint.NONE,
                live[Endpoint.VM] ? endpoints[Endpoint.VM] : Endpoint.NONE,
                live[Endpoint.VFS] ? endpoints[Endpoint.VFS] : Endpoint.NONE);
        int initSlot = Endpoint.INIT;
        int pid = INIT_PID + 1;
        for (int slot = 0; slot < Endpoint.NR_PROCS; slot++) {
            if (!live[slot]) continue;
            MProc p = t.procs[slot];
            p.flags = MProc.IN_USE;
            p.endpoint = endpoints[slot];
            p.scheduler = schedulers[slot] == t.sched && t.sched != Endpoint.NONE ? t.sched : Endpoint.NONE;
            boolean user = privIds[slot] == PrivFlags.USER_PRIV_ID;
            if (!user) p.flags |= MProc.PRIV_PROC;
            if (slot == initSlot) {
                p.pid = INIT_PID;
                p.parent = initSlot;
            } else {
                p.pid = pid++;
                // Services are RS's children (PM's while RS does not run: nobody waits for them).
                p.parent = user ? initSlot : live[Endpoint.RS] && slot != Endpoint.RS ? Endpoint.RS
                        : slot == Endpoint.RS ? initSlot : Endpoint.PM;
            }
            p.pgrp = p.pid;
            p.session = p.pid;
        }
        // User processes started with the system belong to INIT's session and group.
        for (int slot = 0; slot < Endpoint.NR_PROCS; slot++) {
            MProc p = t.procs[slot];
            if (p.inUse() && !p.is(MProc.PRIV_PROC) && slot != initSlot && t.procs[initSlot].inUse()) {
                p.pgrp = INIT_PID;
                p.session = INIT_PID;
            }
        }
        if (!t.procs[initSlot].inUse()) {
            // No INIT: keep its slot as the adoptive parent all the same (pid 1, never a process).
            t.procs[initSlot].pid = INIT_PID;
        }
        t.nextPid = pid;
        return t;
    }

    MProc at(int slot) { return procs[slot]; }

    List<MProc> all() { return all; }

    MProc byEndpoint(int endpoint) {
        int slot = Endpoint.slot(endpoint);
        if (slot < 0 || slot >= procs.length) return null;
        MProc p = procs[slot];
        return p.inUse() && p.endpoint == endpoint ? p : null;
    }

    MProc byPid(int pid) {
        if (pid <= 0) return null;
        for (MProc p : procs) {
            if (p.inUse() && p.pid == pid) return p;
        }
        return null;
    }

    /** Slots a fork may use: free ones after INIT's. */
    int freeForkSlots() {
        int n = 0;
        for (int slot = Endpoint.INIT + 1; slot < procs.length; slot++) if (!procs[slot].inUse()) n++;
        return n;
    }

    /** The next free slot after INIT's, or -1 when the table is full. */
    int freeSlot(int from) {
        for (int i = 0; i < procs.length; i++) {
            int slot = (from + i) % procs.length;
            if (slot > Endpoint.INIT && !procs[slot].inUse()) return slot;
        }
        return -1;
    }

    /** MINIX's get_free_pid: count up, wrap at PID_MAX, skip pids (and groups) in use. */
    int newPid() {
        while (true) {
            int pid = nextPid;
            nextPid = nextPid >= PID_MAX ? INIT_PID + 1 : nextPid + 1;
            boolean used = false;
            for (MProc p : procs) {
                if (p.inUse() && (p.pid == pid || p.pgrp == pid)) { used = true; break; }
            }
            if (!used) return pid;
        }
    }
}
