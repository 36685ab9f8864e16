package minixj.commands.basic;

import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;

/**
 * {@code true}, {@code false} and {@code echo} in one JAR (the boot files install it under each
 * name): {@code args[0]}'s last path component says which one runs.
 */
public final class Basic {
    private Basic() {
    }

    public static void main(String[] args) {
        Posix px = new Posix(Trap.current());
        String name = args.length == 0 ? "" : args[0].substring(args[0].lastIndexOf('/') + 1);
        switch (name) {
            case "true" -> px.exit(0);
            case "false" -> px.exit(1);
            case "echo" -> {
                boolean newline = true;
                int first = 1;
                if (args.length > 1 && args[1].equals("-n")) {
                    newline = false;
                    first = 2;
                }
                StringBuilder line = new StringBuilder();
                for (int i = first; i < args.length; i++) {
                    if (i > first) line.append(' ');
                    line.append(args[i]);
                }
                if (newline) line.append('\n');
                px.print(line.toString());
                px.exit(0);
            }
            default -> {
                px.write(2, (name + ": unknown command\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                px.exit(127);
            }
        }
    }
}
