package minixj.commands.service;

/**
 * A time given as {@code N} (ticks) or {@code NHZ} (N seconds' worth of ticks), as {@code
 * -period} and {@code -maxtime} take it.
 *
 * @param count the number
 * @param seconds true for the {@code NHZ} form
 */
public record TickCount(long count, boolean seconds) {
    /** The number of ticks at {@code hz} ticks per second. */
    public long toTicks(int hz) {
        return seconds ? count * hz : count;
    }

    /** Parses {@code N} or {@code NHZ}; null if it is neither (or negative). */
    static TickCount parse(String text) {
        boolean seconds = text.endsWith("HZ");
        String digits = seconds ? text.substring(0, text.length() - 2) : text;
        Long value = Numbers.parse(digits);
        return value == null ? null : new TickCount(value, seconds);
    }
}
