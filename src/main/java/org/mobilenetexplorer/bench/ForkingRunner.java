package org.mobilenetexplorer.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a request's {@link ProtocolSettings#forks()} forks one after the other on another runner (a
 * {@link ForkedRunner}: each fork a fresh worker JVM) and combines them ({@link Forks#combine}). One fork passes
 * straight through. Listeners see every fork's phases and runs under the original request, a
 * {@link BenchmarkListener#forkStarted} before each fork, and one {@code configurationDone} with the combined
 * outcome. A failed fork fails the benchmark ("fork 2 of 3: ..."); cancelling stops it.
 */
public final class ForkingRunner implements BenchmarkRunner {
    private final BenchmarkRunner oneFork;

    public ForkingRunner(BenchmarkRunner oneFork) {
        this.oneFork = oneFork;
    }

    /** The runner each fork runs on. */
    public BenchmarkRunner oneFork() {
        return oneFork;
    }

    @Override
    public BenchmarkOutcome run(BenchmarkRequest request, BenchmarkListener listener, CancellationToken cancel) {
        int n = request.protocol().forks();
        if (n == 1) {
            return oneFork.run(request, listener, cancel);
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (cancel.isCancelled()) {
                return done(new BenchmarkOutcome.Cancelled(request), listener);
            }
            listener.forkStarted(request, i, n);
            BenchmarkOutcome o = oneFork.run(Forks.forkRequest(request, i), new ForkListener(request, listener),
                    cancel);
            if (o instanceof BenchmarkOutcome.Completed c) {
                results.add(c.result());
            } else if (o instanceof BenchmarkOutcome.Failed f) {
                String message = "fork " + (i + 1) + " of " + n + ": " + f.message();
                listener.failed(request, message);
                return done(new BenchmarkOutcome.Failed(request, message), listener);
            } else {
                return done(new BenchmarkOutcome.Cancelled(request), listener);
            }
        }
        BenchmarkOutcome combined;
        try {
            combined = new BenchmarkOutcome.Completed(request, Forks.combine(request, results));
        } catch (IllegalArgumentException e) {
            String message = "cannot combine the forks: " + e.getMessage();
            listener.failed(request, message);
            combined = new BenchmarkOutcome.Failed(request, message);
        }
        return done(combined, listener);
    }

    private static BenchmarkOutcome done(BenchmarkOutcome o, BenchmarkListener listener) {
        listener.configurationDone(o);
        return o;
    }

    /** Passes a fork's phases and runs on under the original request; its end and failure are the caller's. */
    private record ForkListener(BenchmarkRequest request, BenchmarkListener to) implements BenchmarkListener {
        @Override
        public void phaseStarted(BenchmarkRequest r, Phase phase) {
            to.phaseStarted(request, phase);
        }

        @Override
        public void runFinished(BenchmarkRequest r, Phase phase, int index, double millis) {
            to.runFinished(request, phase, index, millis);
        }
    }
}
