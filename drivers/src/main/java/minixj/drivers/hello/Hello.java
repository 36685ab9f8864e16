package minixj.drivers.hello;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.sef.InitInfo;
import minixj.lib.sef.InitType;
import minixj.lib.sef.Sef;
import minixj.lib.sys.Sys;

/**
 * MINIX's example driver, in its first form: a system service that announces itself on the
 * kernel log and answers every request with "Hello, World!". (The character-driver protocol
 * comes with the driver library; until then the greeting travels in the reply's payload.)
 *
 * <p>It runs in SEF with one init for all three init types, as MINIX's hello does; its restart
 * init answers OK, so RS restarts it behind the same endpoint.
 */
public final class Hello {
    /** Request type: ask for the greeting. */
    public static final int HELLO_GREET = 0x1100;
    private static final String GREETING = "Hello, World!";

    private Hello() {
    }

    public static void main(String[] args) {
        Trap trap = Trap.current();
        Sef sef = Sef.builder().onInit(info -> init(trap, info)).build(trap).startup();
        Message m = new Message();
        while (true) {
            if (sef.receive(Endpoint.ANY, m) != Errno.OK) continue;
            if (Ipc.isNotify(sef.ipcStatus())) continue;
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

    /** Fresh start, restart and live update alike: announce, and keep the endpoint. */
    private static int init(Trap trap, InitInfo info) {
        if (info.type() == InitType.RESTART) {
            log(trap, "hello: restarted (restart " + info.restarts() + "), up again");
        } else if (info.type() == InitType.LIVE_UPDATE) {
            log(trap, "hello: new version, taking over from endpoint " + info.oldEndpoint());
        }
        log(trap, "hello: up and waiting for requests");
        return Errno.OK;
    }

    /** Prints a line on the kernel log (SYS_DIAGCTL DIAG); the newline ends the line. */
    private static void log(Trap trap, String text) {
        Sys.diagctlDiag(trap, text + "\n");
    }
}
