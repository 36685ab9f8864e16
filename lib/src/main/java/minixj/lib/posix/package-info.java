/**
 * The C library's process calls for MinixJ programs: {@link minixj.lib.posix.Posix} sends PM's
 * requests ({@link minixj.lib.ipc.layout.PmMsg}) and turns errors into
 * {@link minixj.lib.posix.PosixException}.
 */
package minixj.lib.posix;
