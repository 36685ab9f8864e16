/**
 * DS, the Data Store (MINIX's servers/ds): a table of typed entries (u32, string, memory, map,
 * label) owned by labels, with subscriptions by regular expression and notifies on change,
 * snapshots of memory values and maps. Clients use {@link minixj.lib.ds.Ds}. The whole state is
 * one {@link minixj.servers.ds.DsState}, so a restart or live update can carry it over and check
 * it first ({@link minixj.servers.ds.DsState#validate}).
 */
package minixj.servers.ds;
