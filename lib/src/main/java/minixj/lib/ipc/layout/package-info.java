/**
 * Typed views of message layouts: each record wraps a {@link minixj.lib.ipc.Message} and names
 * the fields of one layout, so protocol code never scatters raw payload offsets.
 */
package minixj.lib.ipc.layout;
