package minixj.kernel.loader.testprogs.hello;

/** A second class in the image, loaded from the image too. */
final class Helper {
    static int touched;

    private Helper() {
    }

    static void touch() {
        touched++;
    }
}
