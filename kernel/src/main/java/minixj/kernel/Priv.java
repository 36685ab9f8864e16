package minixj.kernel;

import java.util.ArrayList;
import java.util.List;

import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.SigSet;

/**
 * A privilege structure (MINIX's {@code struct priv}). Bitmaps over privilege ids are longs,
 * since there are 64 structures; the kernel-call mask is a long over the 58 call numbers.
 * All user processes share one structure ({@link minixj.lib.ipc.PrivFlags#USER_PRIV_ID}).
 */
final class Priv {
    final int id;
    /** Slot of the process this structure belongs to, or {@link Endpoint#NONE} when unused. */
    int procSlot = Endpoint.NONE;
    int flags;
    int initFlags;
    int trapMask;
    /** IPC target mask, by privilege id. Kept symmetric by {@link PrivTable#setSendTo}. */
    long ipcTo;
    long kernelCallMask;
    int sigManager = Endpoint.NONE;
    int backupSigManager = Endpoint.NONE;

    long notifyPending;
    long asyncPending;
    /** Pending interrupts, one bit per IRQ hook notify id. */
    long intPending;
    final SigSet sigPending = new SigSet();

    // SENDA table registered by the owner.
    AsyncTable asyncTable;
    int asyncSize;
    int asyncEndpoint = Endpoint.NONE;

    // Grant table registered with SYS_SETGRANT.
    long grantTableAddress;
    int grantTableEntries;
    int grantTableEndpoint = Endpoint.NONE;

    IpcFilter ipcFilter;
    final ClockTimer alarmTimer = new ClockTimer();
    boolean diagSignal;

    final List<int[]> irqs = new ArrayList<>();       // allowed IRQ lines: {irq}
    final List<long[]> ioRanges = new ArrayList<>();  // {base, limit}
    final List<long[]> memRanges = new ArrayList<>(); // {base, limit}

    Priv(int id) {
        this.id = id;
    }

    boolean inUse() {
        return procSlot != Endpoint.NONE;
    }

    /** Returns the structure to its unused state, keeping its id. */
    void reset() {
        procSlot = Endpoint.NONE;
        flags = 0;
        initFlags = 0;
        trapMask = 0;
        ipcTo = 0;
        kernelCallMask = 0;
        sigManager = Endpoint.NONE;
        backupSigManager = Endpoint.NONE;
        notifyPending = 0;
        asyncPending = 0;
        intPending = 0;
        sigPending.clear();
        asyncTable = null;
        asyncSize = 0;
        asyncEndpoint = Endpoint.NONE;
        grantTableAddress = 0;
        grantTableEntries = 0;
        grantTableEndpoint = Endpoint.NONE;
        ipcFilter = null;
        diagSignal = false;
        irqs.clear();
        ioRanges.clear();
        memRanges.clear();
    }

    static boolean bit(long map, int id) {
        return (map & (1L << id)) != 0;
    }
}
