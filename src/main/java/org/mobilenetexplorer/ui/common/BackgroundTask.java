package org.mobilenetexplorer.ui.common;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A piece of long work and what to do with its outcome, free of JavaFX: a view-model builds one, sets its
 * callbacks and hands it to a {@link TaskExecutor}. The executor decides where the work runs and where the
 * callbacks run ({@link FxTaskExecutor}: work on a background thread, callbacks on the JavaFX thread;
 * {@link CurrentThreadTaskExecutor}: both at once on the caller's thread, for plain JUnit tests).
 *
 * <p>Exactly one of success and failure is delivered, after every progress report, in order. Cancelling is
 * cooperative: {@link #cancel()} runs the cancel hooks (e.g. the benchmark engine's cancel) and marks the task;
 * the work decides what a cancelled result means and its outcome is still delivered.
 *
 * @param <V> the result
 * @param <P> the progress reports ({@link Void} for work that reports none)
 */
public final class BackgroundTask<V, P> {

    /** The work itself: runs off the JavaFX thread and may report progress through {@code reporter}. */
    @FunctionalInterface
    public interface Work<V, P> {
        V call(Reporter<P> reporter) throws Exception;
    }

    /** What running work may tell its task: progress (delivered to {@link #onProgress}) and whether to stop. */
    public interface Reporter<P> {
        void report(P progress);

        boolean isCancelled();
    }

    private final Work<V, P> work;
    private volatile Consumer<? super V> onSuccess = v -> { };
    private volatile Consumer<? super Throwable> onFailure = BackgroundTask::unhandled;
    private volatile Consumer<? super P> onProgress = p -> { };
    private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private BackgroundTask(Work<V, P> work) {
        this.work = work;
    }

    /** Work that reports no progress. */
    public static <V> BackgroundTask<V, Void> of(Callable<V> call) {
        return new BackgroundTask<>(reporter -> call.call());
    }

    /** Work that reports progress of type {@code P}. */
    public static <V, P> BackgroundTask<V, P> reporting(Work<V, P> work) {
        return new BackgroundTask<>(work);
    }

    /** Called with the result (on the JavaFX thread in the app). */
    public BackgroundTask<V, P> onSuccess(Consumer<? super V> callback) {
        onSuccess = callback;
        return this;
    }

    /** Called with what the work threw; without one, the thread's uncaught-exception handler gets it. */
    public BackgroundTask<V, P> onFailure(Consumer<? super Throwable> callback) {
        onFailure = callback;
        return this;
    }

    /** Called with each progress report, in order. */
    public BackgroundTask<V, P> onProgress(Consumer<? super P> callback) {
        onProgress = callback;
        return this;
    }

    /** Runs {@code hook} when the task is cancelled, on the cancelling thread: it tells the work to stop. */
    public BackgroundTask<V, P> onCancel(Runnable hook) {
        cancelHooks.add(hook);
        return this;
    }

    /** Asks the work to stop (once; later calls do nothing). */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            cancelHooks.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Runs the work on the calling thread and hands every callback to {@code callbacks} (for executors only).
     *
     * @throws IllegalStateException when the task already ran
     */
    public void run(Executor callbacks) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a background task runs once");
        }
        Reporter<P> reporter = new Reporter<>() {
            @Override
            public void report(P progress) {
                Consumer<? super P> c = onProgress;
                callbacks.execute(() -> c.accept(progress));
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        V value;
        try {
            value = work.call(reporter);
        } catch (Throwable e) {
            Consumer<? super Throwable> c = onFailure;
            callbacks.execute(() -> c.accept(e));
            return;
        }
        Consumer<? super V> c = onSuccess;
        callbacks.execute(() -> c.accept(value));
    }

    private static void unhandled(Throwable e) {
        Thread t = Thread.currentThread();
        t.getUncaughtExceptionHandler().uncaughtException(t, e);
    }
}
