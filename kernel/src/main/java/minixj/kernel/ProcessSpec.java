package minixj.kernel;

import java.util.Objects;

import minixj.kernel.loader.JarImage;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.SysCalls;

/**
 * What to start as a process: a name, privileges and scheduling, and either a program JAR
 * (loaded into its own class loader, instrumented and verified) or a Java body.
 *
 * @param slot          the process-table slot, or -1 for the lowest free slot at or above 12
 * @param system        a system process with a privilege structure of its own; else a user process
 * @param ipcTargets    system processes: the IPC target mask over privilege ids (kept symmetric)
 * @param kernelCalls   system processes: the kernel-call mask (bits of SYS_* - 0x600)
 * @param sigManager    system processes: the signal manager's endpoint ({@link Endpoint#SELF}, or NONE); user processes share PM
 * @param backupSigManager the backup signal manager's endpoint, or NONE
 * @param priority      run queue 0..15
 * @param quantumMs     quantum in milliseconds
 * @param preemptible   whether the process may be preempted (PREEMPTIBLE)
 */
public record ProcessSpec(String name, int slot, boolean system, long ipcTargets, long kernelCalls, int sigManager,
                          int backupSigManager, int priority, int quantumMs, boolean preemptible, ProgramBody body,
                          JarImage program, String[] args) {
    /** MINIX's default quantum, 200 ms. */
    public static final int USER_QUANTUM_MS = 200;
    /** MINIX's default user queue. */
    public static final int USER_Q = 7;

    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        if ((body == null) == (program == null)) throw new IllegalArgumentException("exactly one of body and program");
        if (priority < 0 || priority > 15) throw new IllegalArgumentException("priority " + priority);
        if (quantumMs <= 0) throw new IllegalArgumentException("quantum " + quantumMs);
        if (slot < -1 || slot >= Endpoint.NR_PROCS) throw new IllegalArgumentException("slot " + slot + " is not 0.."
                + (Endpoint.NR_PROCS - 1));
        args = args == null ? new String[] {name} : args.clone();
    }

    /** A system service (MINIX's SRV profile): all IPC targets and kernel calls, queue USER_Q. */
    public static ProcessSpec system(String name, ProgramBody body) {
        return new ProcessSpec(name, -1, true, -1L, SysCalls.ALL_CALLS, Endpoint.NONE, Endpoint.NONE, USER_Q,
                USER_QUANTUM_MS, true, body, null, null);
    }

    /** A user process: shares the user privilege structure, may only SENDREC. */
    public static ProcessSpec user(String name, ProgramBody body) {
        return new ProcessSpec(name, -1, false, 0, 0, Endpoint.NONE, Endpoint.NONE, USER_Q, USER_QUANTUM_MS, true,
                body, null, null);
    }

    /** A system service running a program JAR. */
    public static ProcessSpec system(JarImage program) {
        return new ProcessSpec(program.name(), -1, true, -1L, SysCalls.ALL_CALLS, Endpoint.NONE, Endpoint.NONE,
                USER_Q, USER_QUANTUM_MS, true, null, program, null);
    }

    /** A user process running a program JAR. */
    public static ProcessSpec user(JarImage program) {
        return new ProcessSpec(program.name(), -1, false, 0, 0, Endpoint.NONE, Endpoint.NONE, USER_Q,
                USER_QUANTUM_MS, true, null, program, null);
    }

    public ProcessSpec inSlot(int s) {
        return new ProcessSpec(name, s, system, ipcTargets, kernelCalls, sigManager, backupSigManager, priority,
                quantumMs, preemptible, body, program, args);
    }

    public ProcessSpec withIpcTargets(long mask) {
        return new ProcessSpec(name, slot, system, mask, kernelCalls, sigManager, backupSigManager, priority,
                quantumMs, preemptible, body, program, args);
    }

    public ProcessSpec withKernelCalls(long mask) {
        return new ProcessSpec(name, slot, system, ipcTargets, mask, sigManager, backupSigManager, priority,
                quantumMs, preemptible, body, program, args);
    }

    public ProcessSpec withSigManagers(int manager, int backup) {
        return new ProcessSpec(name, slot, system, ipcTargets, kernelCalls, manager, backup, priority, quantumMs,
                preemptible, body, program, args);
    }

    public ProcessSpec withPriority(int q) {
        return new ProcessSpec(name, slot, system, ipcTargets, kernelCalls, sigManager, backupSigManager, q,
                quantumMs, preemptible, body, program, args);
    }

    public ProcessSpec withQuantum(int ms) {
        return new ProcessSpec(name, slot, system, ipcTargets, kernelCalls, sigManager, backupSigManager, priority,
                ms, preemptible, body, program, args);
    }

    public ProcessSpec withArgs(String... a) {
        return new ProcessSpec(name, slot, system, ipcTargets, kernelCalls, sigManager, backupSigManager, priority,
                quantumMs, preemptible, body, program, a);
    }
}
