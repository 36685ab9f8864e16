package minixj.lib.posix;

/**
 * What times(2) returns, in clock ticks: the process's user and system time, those of its
 * waited-for children (and theirs), and the uptime (times' return value).
 */
public record Tms(long userTicks, long systemTicks, long childUserTicks, long childSystemTicks, long uptime) {
}
