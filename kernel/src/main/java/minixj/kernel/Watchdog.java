package minixj.kernel;

/**
 * The analogue of MINIX's NMI lockup detector: a host thread that samples the running process.
 * A process that neither enters the kernel nor polls for the configured time is reported (it is
 * stuck in code the instrumentation cannot reach); one that only polls, without a kernel call,
 * for ten times as long is reported as a CPU hog. When told to, the watchdog kills what it
 * reports — the kill takes effect at the process's next poll.
 */
final class Watchdog {
    private final Kernel kernel;
    private final Machine machine;
    private final long limitMillis;
    private final boolean kills;
    private volatile boolean stopped;
    private Thread thread;

    Watchdog(Kernel kernel, Machine machine, long limitMillis, boolean kills) {
        this.kernel = kernel;
        this.machine = machine;
        this.limitMillis = limitMillis;
        this.kills = kills;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("minixj-watchdog").start(this::run);
    }

    void stop() {
        stopped = true;
    }

    private void run() {
        long period = Math.max(1, Math.min(10, limitMillis / 4));
        ProcessContext watched = null;
        long lastProgress = -1;
        long lastEntries = -1;
        long stuckSince = 0;
        long noCallSince = 0;
        boolean reported = false;
        boolean hogReported = false;
        while (!stopped && !kernel.halted) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime() / 1_000_000;
            ProcessContext ctx = kernel.running;
            if (ctx == null || ctx == kernel.idle) {
                watched = null;
                continue;
            }
            Proc p = ctx.proc;
            long entries = p == null ? 0 : p.kernelEntries;
            long progress = entries + ctx.polls + ctx.pollBudget;
            if (ctx != watched) {
                watched = ctx;
                lastProgress = progress;
                lastEntries = entries;
                stuckSince = noCallSince = now;
                reported = hogReported = false;
                continue;
            }
            if (progress != lastProgress) {
                lastProgress = progress;
                stuckSince = now;
                if (reported) {
                    kernel.log("watchdog: " + ctx.programName + " is making progress again");
                    reported = false;
                }
            } else if (!reported && now - stuckSince >= limitMillis) {
                reported = true;
                kernel.log("watchdog: " + ctx.programName + " has neither entered the kernel nor polled for "
                        + (now - stuckSince) + " ms (lockup in uninstrumented code?)");
                if (kills && p != null) machine.kill(p.endpoint);
            }
            if (entries != lastEntries) {
                lastEntries = entries;
                noCallSince = now;
                hogReported = false;
            } else if (!hogReported && now - noCallSince >= 10 * limitMillis) {
                hogReported = true;
                kernel.log("watchdog: " + ctx.programName + " has run " + (now - noCallSince)
                        + " ms without a kernel call");
                if (kills && p != null) machine.kill(p.endpoint);
            }
        }
    }
}
