package org.mobilenetexplorer.ui;

import javafx.concurrent.Task;

/**
 * Runs long work off the JavaFX thread. View-models submit {@link Task}s here and bind to their properties;
 * the app uses {@link BackgroundTaskExecutor}, tests may use {@link SameThreadTaskExecutor}.
 */
public interface TaskExecutor {

    /** Starts {@code task}; it reports progress, result and failure through its own properties. */
    void execute(Task<?> task);

    /** Stops accepting work and interrupts what runs (the app is closing). */
    void shutdown();
}
