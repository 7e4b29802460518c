package org.mobilenetexplorer.ui.common;

/**
 * Runs {@link BackgroundTask}s: the app uses {@link FxTaskExecutor} (one background thread, callbacks on the
 * JavaFX thread), view-model tests use {@link CurrentThreadTaskExecutor} (everything at once, no toolkit).
 * View-models never create threads or {@code javafx.concurrent.Task}s themselves.
 */
public interface TaskExecutor {

    /** Starts {@code task}; returns it (to cancel it later). */
    <V, P> BackgroundTask<V, P> execute(BackgroundTask<V, P> task);

    /** Stops accepting work and interrupts what runs (the app is closing). */
    void shutdown();
}
