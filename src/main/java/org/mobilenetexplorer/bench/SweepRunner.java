package org.mobilenetexplorer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Runs a list of benchmarks one after the other; a failure is reported and the sweep goes on; cancellation stops
 * the current benchmark and the sweep. After each configuration it reports {@link SweepProgress} with an ETA: the
 * mean wall time of the configurations finished so far times the number left (a plain estimate: configurations
 * differ in cost, so it is rough early in a sweep).
 */
public final class SweepRunner {
    private final BenchmarkRunner runner;
    private final LongSupplier nanoTime;

    public SweepRunner(BenchmarkRunner runner) {
        this(runner, System::nanoTime);
    }

    public SweepRunner(BenchmarkRunner runner, LongSupplier nanoTime) {
        this.runner = runner;
        this.nanoTime = nanoTime;
    }

    public SweepReport run(List<BenchmarkRequest> requests, BenchmarkListener listener, CancellationToken cancel) {
        long start = nanoTime.getAsLong();
        List<BenchmarkOutcome> outcomes = new ArrayList<>();
        int failed = 0;
        boolean cancelled = false;
        for (int i = 0; i < requests.size(); i++) {
            if (cancel.isCancelled()) {
                cancelled = true;
                break;
            }
            BenchmarkRequest r = requests.get(i);
            // a per-benchmark token, chained to the sweep's, so cancelling the sweep kills the current worker
            CancellationToken one = new CancellationToken();
            cancel.onCancel(one::cancel);
            BenchmarkOutcome o = runner.run(r, listener, one);
            if (o instanceof BenchmarkOutcome.Cancelled) {
                cancelled = true;
                break;
            }
            outcomes.add(o);
            if (o instanceof BenchmarkOutcome.Failed) {
                failed++;
            }
            Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
            int done = i + 1;
            Duration eta = elapsed.dividedBy(done).multipliedBy(requests.size() - done);
            listener.sweepProgress(new SweepProgress(done, requests.size(), failed, elapsed, eta, r));
        }
        return new SweepReport(outcomes, requests.size(), cancelled || cancel.isCancelled(),
                Duration.ofNanos(nanoTime.getAsLong() - start));
    }
}
