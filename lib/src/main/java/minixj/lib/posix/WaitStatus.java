package minixj.lib.posix;

/**
 * What waitpid returns: the child's pid (0 with WNOHANG when no child has changed state) and its
 * status in MINIX's encoding: W_EXITCODE(code, sig) = code &lt;&lt; 8 | sig for an ended child,
 * W_STOPCODE(sig) = sig &lt;&lt; 8 | 0177 for a child that stopped (traced, or reported with WUNTRACED).
 */
public record WaitStatus(int pid, int status) {
    /** The low bits of a stop status (MINIX's _WSTOPPED). */
    public static final int STOPPED = 0177;

    /** MINIX's W_STOPCODE: the status of a child stopped by {@code sig}. */
    public static int stopCode(int sig) { return sig << 8 | STOPPED; }

    /** WIFEXITED: the child called exit. */
    public boolean exited() { return (status & 0x7F) == 0; }
    /** WEXITSTATUS: the child's exit code. */
    public int exitStatus() { return (status >> 8) & 0xFF; }
    /** WIFSIGNALED: a signal ended the child. */
    public boolean signaled() { return (status & 0x7F) != 0 && (status & 0x7F) != STOPPED; }
    /** WTERMSIG: the signal that ended the child. */
    public int termSig() { return status & 0x7F; }
    /** WIFSTOPPED: the (traced) child is stopped. */
    public boolean stopped() { return (status & 0x7F) == STOPPED; }
    /** WSTOPSIG: the signal that stopped the child. */
    public int stopSignal() { return (status >> 8) & 0xFF; }
}
