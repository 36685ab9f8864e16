package minixj.lib.sys;

/**
 * The reply of SYS_TIMES. All times are in clock ticks except {@code bootTime} (seconds since the
 * epoch).
 *
 * @param result OK or the error code (the other fields are meaningless then)
 * @param userTicks the process's user time (0 when asked about NONE)
 * @param systemTicks the process's system time (0 when asked about NONE)
 * @param uptime ticks since boot
 * @param bootTime boot time in seconds since the epoch
 * @param realtime ticks since the epoch
 */
public record Times(int result, long userTicks, long systemTicks, long uptime, long bootTime, long realtime) {
}
