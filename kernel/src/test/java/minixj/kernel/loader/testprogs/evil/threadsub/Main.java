package minixj.kernel.loader.testprogs.evil.threadsub;

import java.util.concurrent.ForkJoinWorkerThread;

/** Test program the verifier must refuse: Thread.sleep reached through an allowed JDK subclass. */
public final class Main {
    public static void main(String[] args) throws Exception {
        ForkJoinWorkerThread.sleep(10);
    }
}
