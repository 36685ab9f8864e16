package minixj.lib.rs.config;

/**
 * An I/O port range of the {@code io} setting ({@code base[:length]}, hexadecimal).
 *
 * @param base the first port
 * @param length the number of ports (at least 1)
 */
public record IoRange(int base, int length) {
    /** The last port of the range. */
    public int last() {
        return base + length - 1;
    }
}
