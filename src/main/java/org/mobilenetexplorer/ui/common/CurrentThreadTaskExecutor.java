package org.mobilenetexplorer.ui.common;

/**
 * Runs each task at once on the caller's thread, callbacks included: deterministic view-model tests without a
 * JavaFX toolkit and without waiting.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <V, P> BackgroundTask<V, P> execute(BackgroundTask<V, P> task) {
        task.run(Runnable::run);
        return task;
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
