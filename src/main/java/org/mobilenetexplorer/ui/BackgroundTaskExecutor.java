package org.mobilenetexplorer.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * One daemon worker thread: tasks run strictly one after another, so two benchmarks never share the CPU
 * (parallel runs distort latency) and the JavaFX thread never waits.
 */
public final class BackgroundTaskExecutor implements TaskExecutor {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "explorer-worker-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Task<?> task) {
        executor.execute(task);
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }
}
