/**
 * The Reincarnation Server (spec minix-reliability.md §1): starts system services, watches them
 * (heartbeats, crashes) and restarts them. This package holds RS's service table ({@link
 * minixj.servers.rs.ServiceTable} of {@link minixj.servers.rs.ServiceEntry}), its numbers ({@link
 * minixj.servers.rs.RsConstants}) and the checks and settings of a slot from an {@code rs_start}
 * record ({@link minixj.servers.rs.SlotSettings}).
 */
package minixj.servers.rs;
