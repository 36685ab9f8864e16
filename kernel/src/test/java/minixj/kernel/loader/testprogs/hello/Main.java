package minixj.kernel.loader.testprogs.hello;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Test program: counts its runs in a static and reads a resource from its own image. */
public final class Main {
    public static int runs;
    public static String greeting;

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        runs++;
        try (InputStream in = Main.class.getResourceAsStream("greeting.txt")) {
            greeting = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        Helper.touch();
    }
}
