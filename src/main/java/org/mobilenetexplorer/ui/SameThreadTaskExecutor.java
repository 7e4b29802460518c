package org.mobilenetexplorer.ui;

import javafx.concurrent.Task;

/** Runs each task at once on the caller's thread: deterministic view-model tests without waiting. */
public final class SameThreadTaskExecutor implements TaskExecutor {
    @Override
    public void execute(Task<?> task) {
        task.run();
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
