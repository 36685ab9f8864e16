/**
 * The {@code service} utility (MINIX's {@code minix-service}, spec minix-reliability.md §5.1):
 * its command line parsed into a typed {@link minixj.commands.service.ServiceRequest}, and the RS
 * message each request becomes. Starting a service ({@code up}, {@code run}, {@code edit}) also
 * takes the service's {@code system.conf} entry ({@link minixj.lib.rs.config}) and sends RS an
 * {@link minixj.lib.rs.RsStart} record through a grant.
 */
package minixj.commands.service;
