package minixj.commands.service;

/**
 * A command line the utility refuses, with the status it exits with: EINVAL (22) for bad or
 * missing arguments, ENOSYS (78) for an unknown action, as MINIX's utility does.
 */
public final class UsageException extends Exception {
    private final int exitStatus;
    private final boolean showUsage;

    UsageException(String message, int exitStatus, boolean showUsage) {
        super(message);
        this.exitStatus = exitStatus;
        this.showUsage = showUsage;
    }

    /** The utility's exit status. */
    public int exitStatus() {
        return exitStatus;
    }

    /** True if the usage text should follow the message. */
    public boolean showUsage() {
        return showUsage;
    }

    /** What the utility prints on standard error. */
    public String report() {
        return "service: " + getMessage() + "\n" + (showUsage ? Usage.TEXT : "");
    }
}
