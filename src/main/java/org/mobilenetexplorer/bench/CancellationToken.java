package org.mobilenetexplorer.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Cancels a benchmark between runs, and runs the registered actions (e.g. killing the worker) once. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    /** Requests cancellation; runs the registered actions once. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            actions.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs {@code action} on cancellation (immediately if already cancelled). */
    public void onCancel(Runnable action) {
        actions.add(action);
        if (cancelled.get()) {
            action.run();
        }
    }

    /** Throws {@link CancelledException} when cancelled. */
    public void throwIfCancelled() throws CancelledException {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }

    /** Thrown between runs once the token is cancelled. */
    public static final class CancelledException extends Exception {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("cancelled");
        }
    }
}
