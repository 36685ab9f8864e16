package minixj.tests.programs.posix;

import java.nio.charset.StandardCharsets;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/** Sends one line to the test's reporter process (a sendrec; the line is cut at 55 bytes). */
final class Report {
    static final int LINE = 0x7E57;

    private Report() {
    }

    static void say(int reporter, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        Message m = new Message(LINE);
        int n = Math.min(b.length, Message.PAYLOAD_SIZE - 1);
        for (int i = 0; i < n; i++) m.putByte(i, b[i]);
        m.putByte(n, (byte) 0);
        Trap.current().sendrec(reporter, m);
    }
}
