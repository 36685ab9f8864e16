/**
 * VM, the virtual-memory server (MINIX's servers/vm): it owns physical frames once it has taken
 * memory from the kernel, keeps every process's regions, serves page faults (zero-fill and
 * copy-on-write), and answers brk, mmap, munmap, remap of granted memory, fork, exit, info, and
 * RS's call-mask and live-update requests. All its data hangs off one {@code VmState}.
 */
package minixj.servers.vm;
