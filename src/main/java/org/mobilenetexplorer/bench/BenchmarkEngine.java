package org.mobilenetexplorer.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs benchmarks strictly one at a time (parallel runs distort latency): blocking calls are serialised by a
 * lock, asynchronous ones queue on a single background thread. {@link #cancel()} stops the running benchmark
 * between runs (a forked worker is killed) and the rest of a running sweep. Free of JavaFX: the GUI adapts the
 * listener and the futures.
 */
public final class BenchmarkEngine implements AutoCloseable {
    private final BenchmarkRunner runner;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "benchmark-engine");
        t.setDaemon(true);
        return t;
    });
    private volatile CancellationToken current = new CancellationToken();

    /** An engine on {@code runner}; a request with several forks runs them one after the other on it. */
    public BenchmarkEngine(BenchmarkRunner runner) {
        this.runner = runner instanceof ForkingRunner ? runner : new ForkingRunner(runner);
    }

    /** An engine that forks a worker JVM per benchmark. */
    public static BenchmarkEngine forked() {
        return new BenchmarkEngine(new ForkedRunner());
    }

    /** Runs one benchmark now (waits for any other to finish first). */
    public BenchmarkOutcome run(BenchmarkRequest request, BenchmarkListener listener) {
        oneAtATime.lock();
        try {
            CancellationToken token = new CancellationToken();
            current = token;
            return runner.run(request, listener, token);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Runs a sweep now (waits for any other benchmark first); see {@link SweepRunner}. */
    public SweepReport sweep(List<BenchmarkRequest> requests, BenchmarkListener listener) {
        return oneSweep(token -> new SweepRunner(runner).run(requests, listener, token));
    }

    /**
     * Runs a sweep in rounds now (waits for any other benchmark first): each round runs one fork of every request,
     * in one worker JVM when the engine forks; see {@link ForkRounds}.
     */
    public SweepReport sweepInRounds(List<BenchmarkRequest> requests, BenchmarkListener listener) {
        return oneSweep(token -> new ForkRounds(runner).run(requests, listener, token));
    }

    /** Runs {@code sweep} with a fresh cancellation token once no other benchmark runs. */
    private SweepReport oneSweep(java.util.function.Function<CancellationToken, SweepReport> sweep) {
        oneAtATime.lock();
        try {
            CancellationToken sweepToken = new CancellationToken();
            current = sweepToken;
            return sweep.apply(sweepToken);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Queues one benchmark on the engine's single background thread. */
    public CompletableFuture<BenchmarkOutcome> submit(BenchmarkRequest request, BenchmarkListener listener) {
        return CompletableFuture.supplyAsync(() -> run(request, listener), background);
    }

    /** Queues a sweep on the engine's single background thread. */
    public CompletableFuture<SweepReport> submitSweep(List<BenchmarkRequest> requests, BenchmarkListener listener) {
        return CompletableFuture.supplyAsync(() -> sweep(requests, listener), background);
    }

    /** Cancels the running benchmark or sweep (if any); queued work still runs. */
    public void cancel() {
        current.cancel();
    }

    @Override
    public void close() {
        cancel();
        background.shutdownNow();
    }
}
