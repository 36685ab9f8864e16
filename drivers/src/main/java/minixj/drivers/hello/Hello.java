package minixj.drivers.hello;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.sys.Sys;

/**
 * MINIX's example driver, in its first form: a system service that announces itself on the
 * kernel log and answers every request with "Hello, World!". (The character-driver protocol
 * comes with the driver library; until then the greeting travels in the reply's payload.)
 */
public final class Hello {
    /** Request type: ask for the greeting. */
    public static final int HELLO_GREET = 0x1100;
    private static final String GREETING = "Hello, World!";

    private Hello() {
    }

    public static void main(String[] args) {
        Trap trap = Trap.current();
        log(trap, "hello: up and waiting for requests");
        Message m = new Message();
        while (true) {
            int r = trap.receive(Endpoint.ANY, m);
            if (r != Errno.OK) continue;
            if (Ipc.isNotify(trap.ipcStatus())) continue;
            int caller = m.source();
            if (m.type() == HELLO_GREET) {
                log(trap, "hello: greeting endpoint " + caller);
                byte[] greeting = GREETING.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                m.clear().type(Errno.OK).putInt(0, greeting.length).putBytes(4, greeting, 0, greeting.length);
            } else {
                m.clear().type(Errno.ENOSYS);
            }
            trap.sendnb(caller, m);
        }
    }

    /** Prints a line on the kernel log (SYS_DIAGCTL DIAG); the newline ends the line. */
    private static void log(Trap trap, String text) {
        Sys.diagctlDiag(trap, text + "\n");
    }
}
