package minixj.lib.rs.config;

/**
 * Something in a configuration file that is ignored, said where: an unknown keyword, an unknown
 * kernel or VM call name, a duplicate service entry.
 *
 * @param file the configuration file's name
 * @param line the line (from 1)
 * @param message what is ignored and why
 */
public record ConfigWarning(String file, int line, String message) {
    /** {@code file:line: warning: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": warning: " + message;
    }
}
