package minixj.lib.posix;

/**
 * What waitpid returns: the child's pid (0 with WNOHANG when no child has exited) and its status
 * in MINIX's encoding W_EXITCODE(code, sig) = code &lt;&lt; 8 | sig, or for a stopped child
 * (WUNTRACED) W_STOPCODE(sig) = sig &lt;&lt; 8 | 0x7F.
 */
public record WaitStatus(int pid, int status) {
    /** WIFEXITED: the child called exit. */
    public boolean exited() { return (status & 0x7F) == 0; }
    /** WEXITSTATUS: the child's exit code. */
    public int exitStatus() { return (status >> 8) & 0xFF; }
    /** WIFSIGNALED: a signal ended the child. */
    public boolean signaled() { return (status & 0x7F) != 0 && !stopped(); }
    /** WIFSTOPPED: the child stopped (reported with WUNTRACED). */
    public boolean stopped() { return (status & 0xFF) == 0x7F; }
    /** WSTOPSIG: the signal that stopped the child. */
    public int stopSig() { return (status >> 8) & 0xFF; }
    /** WTERMSIG: the signal that ended the child. */
    public int termSig() { return status & 0x7F; }
}
