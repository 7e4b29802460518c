package org.mobilenetexplorer.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mobilenetexplorer.bench.BenchmarkEngine;

/**
 * Ctrl-C during {@code bench}, {@code sweep} or {@code verify}: a shutdown hook cancels the engine (which kills the
 * worker) and waits for the command to finish its bookkeeping, so every result saved so far stays saved and the summary is printed.
 */
final class Interruption implements AutoCloseable {
    private static final long GRACE_SECONDS = 15;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean interrupted;

    Interruption(BenchmarkEngine engine) {
        this(engine::cancel);
    }

    /** Ctrl-C runs {@code cancel} (which kills the running worker), then waits for the command to finish. */
    Interruption(Runnable cancel) {
        hook = new Thread(() -> {
            interrupted = true;
            cancel.run();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "benchmark-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean interrupted() {
        return interrupted;
    }

    /** The command is done: let the JVM exit (and remove the hook when it did not fire). */
    @Override
    public void close() {
        finished.countDown();
        if (!interrupted) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutdown already in progress
            }
        }
    }
}
