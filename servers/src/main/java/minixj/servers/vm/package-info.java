/**
 * VM, the virtual-memory server (MINIX's servers/vm): it owns physical frames once it has taken
 * memory from the kernel, keeps every process's regions, serves page faults (zero-fill and
 * copy-on-write), and answers brk, mmap, munmap, fork, exit and info requests.
 */
package minixj.servers.vm;
