package minixj.lib.sys;

/**
 * The reply of SYS_SETALARM.
 *
 * @param result OK or the error code
 * @param ticksLeft ticks that were left on the previous alarm, {@link Sys#TMR_NEVER} if none was set
 * @param uptime the uptime when the call was made
 */
public record Alarm(int result, long ticksLeft, long uptime) {
}
