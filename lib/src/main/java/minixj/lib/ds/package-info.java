/**
 * The Data Store's client library: {@link minixj.lib.ds.Ds} publishes, retrieves, deletes,
 * subscribes to and checks entries of DS (the server {@code minixj.servers.ds}), takes and reads
 * snapshots and works on maps; failures are {@link minixj.lib.ds.DsException}s carrying MINIX's
 * error code.
 */
package minixj.lib.ds;
