package org.mobilenetexplorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The background-work abstraction without a toolkit: callbacks, order, failure, cancellation. */
class BackgroundTaskTest {
    private final TaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void progressArrivesInOrderBeforeTheResult() {
        List<String> seen = new ArrayList<>();
        executor.execute(BackgroundTask.<Integer, String>reporting(r -> {
            r.report("one");
            r.report("two");
            return 42;
        }).onProgress(seen::add).onSuccess(v -> seen.add("result " + v)).onFailure(e -> seen.add("failed")));
        assertEquals(List.of("one", "two", "result 42"), seen);
    }

    @Test
    void aThrowingWorkReachesOnlyTheFailureCallback() {
        List<String> seen = new ArrayList<>();
        IOException boom = new IOException("disk full");
        Throwable[] got = new Throwable[1];
        executor.execute(BackgroundTask.of(() -> {
            throw boom;
        }).onSuccess(v -> seen.add("success")).onFailure(e -> got[0] = e));
        assertSame(boom, got[0]);
        assertEquals(List.of(), seen);
    }

    @Test
    void cancelRunsTheHookOnceAndTheWorkSeesIt() {
        AtomicInteger hooks = new AtomicInteger();
        List<String> seen = new ArrayList<>();
        BackgroundTask<String, Integer> task = BackgroundTask.<String, Integer>reporting(r -> {
            int done = 0;
            while (!r.isCancelled() && done < 100) {
                r.report(++done);
            }
            return r.isCancelled() ? "stopped after " + done : "all done";
        });
        task.onCancel(hooks::incrementAndGet)
                .onProgress(n -> {
                    if (n == 3) {
                        task.cancel();
                        task.cancel(); // twice: the hook still runs once
                    }
                })
                .onSuccess(seen::add);
        executor.execute(task);
        assertEquals(List.of("stopped after 3"), seen);
        assertEquals(1, hooks.get());
        assertTrue(task.isCancelled());
    }

    @Test
    void aTaskRunsOnce() {
        BackgroundTask<String, Void> task = BackgroundTask.of(() -> "x");
        executor.execute(task);
        assertThrows(IllegalStateException.class, () -> executor.execute(task));
    }

    @Test
    void callbacksGoThroughTheGivenExecutorOnly() {
        List<Runnable> queued = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        BackgroundTask.<String, String>reporting(r -> {
            r.report("p");
            return "v";
        }).onProgress(seen::add).onSuccess(seen::add).run(queued::add);
        assertEquals(List.of(), seen, "nothing delivered before the UI thread runs the callbacks");
        queued.forEach(Runnable::run);
        assertEquals(List.of("p", "v"), seen);
    }
}
