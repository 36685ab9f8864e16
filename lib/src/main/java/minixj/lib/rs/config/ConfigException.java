package minixj.lib.rs.config;

/**
 * A configuration file that cannot be used: a syntax error or a bad value. The message names the
 * file and line and, for syntax errors, what was expected and what was found instead, e.g.
 * {@code system.conf:12: expected ';' after the value of 'priority', found '}'}.
 */
public final class ConfigException extends Exception {
    private final String file;
    private final int line;
    private final String expected;

    /**
     * A syntax error.
     *
     * @param expected what the grammar needed here ("';'", "a service name", ...)
     * @param found how the offending token reads
     * @param context optional words placed after "expected X" ("after the value of 'uid'"), or null
     */
    public ConfigException(String file, int line, String expected, String found, String context) {
        super(file + ":" + line + ": expected " + expected + (context == null ? "" : " (" + context + ")")
                + ", found " + found);
        this.file = file;
        this.line = line;
        this.expected = expected;
    }

    /** A value error: the grammar is fine but the value is not ("priority 16 is out of range 0..15"). */
    public ConfigException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.expected = null;
    }

    /** The configuration file's name as the caller gave it. */
    public String file() {
        return file;
    }

    /** The line (from 1) the error is on. */
    public int line() {
        return line;
    }

    /** What the grammar expected, for a syntax error; null for a value error. */
    public String expected() {
        return expected;
    }
}
