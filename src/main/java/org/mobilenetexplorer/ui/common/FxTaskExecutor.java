package org.mobilenetexplorer.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * The app's executor: one daemon worker thread, so tasks run strictly one after another (two benchmarks never
 * share the CPU: parallel runs distort latency) and the JavaFX thread never waits. Every callback of a task
 * (progress, success, failure) is marshalled onto the JavaFX thread, in order.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "explorer-worker-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <V, P> BackgroundTask<V, P> execute(BackgroundTask<V, P> task) {
        worker.execute(() -> task.run(Platform::runLater));
        return task;
    }

    @Override
    public void shutdown() {
        worker.shutdownNow();
    }
}
