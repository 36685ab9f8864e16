package minixj.commands.posixtests;

/**
 * The in-OS test programs, MINIX's test1, test2, ... in one JAR: {@code args[0]} names the test
 * (as MINIX's program name does), further arguments go to it. Each test is a class here named
 * {@code TestN} with a {@code run(Common, String[])} method; children of a test start at nested
 * classes of it (fork takes an entry class).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Run by init or a shell, argv[0] is the path: the test is its last component.
        String test = args.length > 0 ? args[0].substring(args[0].lastIndexOf('/') + 1) : "";
        Common t = new Common(test.replace("test", ""));
        switch (test) {
            case "test1" -> Test1.run(t, args);
            case "test2" -> Test2.run(t, args);
            case "test4" -> Test4.run(t, args);
            case "test5" -> Test5.run(t, args);
            case "test12" -> Test12.run(t, args);
            case "test84" -> Test84.run(t, args);
            case "test6" -> Test6.run(t, args);
            case "test44" -> Test44.run(t, args);
            case "test64" -> Test64.run(t, args);
            case "test42" -> Test42.run(t, args);
            case "test37" -> Test37.run(t, args);
            case "test41" -> Test41.run(t, args);
            case "test75" -> Test75.run(t, args);
            case "test79" -> Test79.run(t, args);
            case "test89" -> Test89.run(t, args);
            default -> {
                t.e(1, "no such test: " + test);
            }
        }
        t.quit();
    }
}
