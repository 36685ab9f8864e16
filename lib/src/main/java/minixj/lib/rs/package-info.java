/**
 * What the Reincarnation Server and its clients share: the {@code rs_start} record that carries a
 * service's settings to RS ({@link minixj.lib.rs.RsStart}, its wire format {@link
 * minixj.lib.rs.RsStartCodec}), the flags of a service ({@link minixj.lib.rs.ServiceFlags},
 * {@link minixj.lib.rs.SysFlags}) and the status fields MINIX shows in {@code
 * /proc/service/<label>} ({@link minixj.lib.rs.ServiceStatus}). The request messages are {@link
 * minixj.lib.ipc.layout.RsRequestMsg}; {@code system.conf} is {@link minixj.lib.rs.config}.
 */
package minixj.lib.rs;
