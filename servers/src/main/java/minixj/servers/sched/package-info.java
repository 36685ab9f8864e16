/**
 * SCHED, the user-space scheduler (MINIX's servers/sched): it takes over user processes and
 * services started with {@code scheduler sched}, demotes a process one queue each time it runs
 * out of quantum, and every few seconds lets every demoted process climb back one queue.
 */
package minixj.servers.sched;
