package minixj.lib.posix;

/**
 * What waitpid returns: the child's pid (0 with WNOHANG when no child has exited) and its status
 * in MINIX's encoding W_EXITCODE(code, sig) = code &lt;&lt; 8 | sig.
 */
public record WaitStatus(int pid, int status) {
    /** WIFEXITED: the child called exit. */
    public boolean exited() { return (status & 0x7F) == 0; }
    /** WEXITSTATUS: the child's exit code. */
    public int exitStatus() { return (status >> 8) & 0xFF; }
    /** WIFSIGNALED: a signal ended the child. */
    public boolean signaled() { return (status & 0x7F) != 0; }
    /** WTERMSIG: the signal that ended the child. */
    public int termSig() { return status & 0x7F; }
}
