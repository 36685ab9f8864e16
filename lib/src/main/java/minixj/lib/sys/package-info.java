/**
 * MINIX's libsys for MinixJ processes: thin, stateless wrappers over
 * {@link minixj.lib.ipc.Trap#kernelCall} that build each request through its typed layout
 * ({@link minixj.lib.ipc.layout}) and hand back the kernel's result code.
 *
 * <p>{@link minixj.lib.sys.Sys} holds the kernel-call wrappers ({@code sys_safecopyfrom},
 * {@code sys_setalarm}, {@code sys_getinfo}, ...); the small records next to it carry the
 * replies that have more than a result code. {@link minixj.lib.sys.GrantTables} sets up a
 * process's heap and grant table in its initial memory region. Nothing here keeps mutable
 * static state: everything a process owns lives in objects it holds.
 */
package minixj.lib.sys;
