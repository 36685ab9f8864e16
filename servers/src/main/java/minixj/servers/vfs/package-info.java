/**
 * VFS in its first form (spec §8): the process table it shares with PM through the asynchronous
 * PM ↔ VFS protocol, exec from the boot files, and writes to standard output and error that go
 * to the kernel log. Files, file systems and drivers come with step 4.
 */
package minixj.servers.vfs;
