package minixj.kernel.loader.testprogs.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import minixj.lib.ipc.Trap;

/**
 * Test program: ordinary Java that javac compiles with invokedynamic, records, enums, switches,
 * synchronized, try-with-resources, inner classes and streams. The verifier must accept all of
 * it and the instrumented code must compute the same result.
 */
public final class Main {
    public static String result;

    private Main() {
    }

    sealed interface Shape permits Square, Circle {
    }

    record Square(int side) implements Shape {
    }

    record Circle(int radius) implements Shape {
    }

    enum Colour { RED, GREEN, BLUE }

    static final class Resource implements AutoCloseable {
        private final List<String> log;

        Resource(List<String> log) {
            this.log = log;
            log.add("open");
        }

        @Override
        public void close() {
            log.add("close");
        }
    }

    static int area(Shape s) {
        return switch (s) {
            case Square q -> q.side() * q.side();
            case Circle c -> 3 * c.radius() * c.radius();
        };
    }

    static String colour(Colour c) {
        switch (c) {
            case RED:
                return "r";
            case GREEN:
                return "g";
            default:
                return "b";
        }
    }

    static int word(String w) {
        return switch (w) {
            case "one" -> 1;
            case "two" -> 2;
            default -> 0;
        };
    }

    @SuppressWarnings("try")
    public static void main(String[] args) {
        List<String> log = new ArrayList<>();
        try (Resource r = new Resource(log)) {
            log.add("use");
        }
        IntUnaryOperator twice = x -> x * 2;
        AtomicInteger counter = new AtomicInteger();
        Object lock = new Object();
        synchronized (lock) {
            counter.addAndGet(twice.applyAsInt(21));
        }
        Map<String, Integer> words = new HashMap<>();
        for (String w : List.of("one", "two", "three")) words.merge(w, word(w), Integer::sum);
        String squares = IntStream.rangeClosed(1, 4).map(i -> i * i).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        int total = 0;
        outer:
        for (int i = 0; i < 10; i++) {
            int j = 0;
            do {
                if (i * j > 12) break outer;
                total += i * j;
                j++;
            } while (j < 5);
        }
        String colours = "";
        for (Colour c : Colour.values()) colours += colour(c);
        int caught = 0;
        try {
            Object o = List.of().get(1);
            colours += o;
        } catch (IndexOutOfBoundsException e) {
            caught++;
        } finally {
            caught += 10;
        }
        boolean insideProcess = Trap.CURRENT.isBound();
        result = log + " " + counter.get() + " " + new java.util.TreeMap<>(words) + " " + squares + " " + total
                + " " + colours + " " + caught + " " + area(new Square(3)) + area(new Circle(2)) + " "
                + new Square(5) + " " + insideProcess;
    }
}
