package minixj.lib.sys;

/**
 * The reply of SYS_VTIMER.
 *
 * @param result OK or the error code
 * @param oldTicks the ticks that were left on the timer before the call (0 when it was off)
 */
public record Vtimer(int result, long oldTicks) {
}
