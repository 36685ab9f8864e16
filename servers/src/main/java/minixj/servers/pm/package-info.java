/**
 * PM, the process manager (spec §6): pids, fork/exit/wait, signals, alarms, user and group ids.
 * Runs as a program JAR in slot {@code Endpoint.PM}; see {@link minixj.servers.pm.Pm}.
 */
package minixj.servers.pm;
