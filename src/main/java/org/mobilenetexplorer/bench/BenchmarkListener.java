package org.mobilenetexplorer.bench;

import java.util.List;

/**
 * Lifecycle events of benchmarks and sweeps (TFLite's BenchmarkListener, JMH's OutputFormat): the engine never
 * prints; the CLI, the GUI adapter and tests listen. Methods may be called from a background thread. All methods
 * default to doing nothing.
 */
public interface BenchmarkListener {

    /** A listener that ignores everything. */
    BenchmarkListener NONE = new BenchmarkListener() {
    };

    /**
     * Fork {@code index} (0-based) of {@code forks} of {@code request} starts; only when the protocol asks for more
     * than one fork. Its phases and runs follow.
     */
    default void forkStarted(BenchmarkRequest request, int index, int forks) {
    }

    /** A phase of {@code request} started. */
    default void phaseStarted(BenchmarkRequest request, Phase phase) {
    }

    /** One run of a phase finished after {@code millis} (index counts from 0 within the phase). */
    default void runFinished(BenchmarkRequest request, Phase phase, int index, double millis) {
    }

    /** A configuration finished, whatever the outcome (completed, failed, cancelled). */
    default void configurationDone(BenchmarkOutcome outcome) {
    }

    /** A configuration failed (called before {@link #configurationDone}). */
    default void failed(BenchmarkRequest request, String message) {
    }

    /** Progress of a sweep, after each configuration. */
    default void sweepProgress(SweepProgress progress) {
    }

    /** Fans every event out to {@code listeners}, in order. */
    static BenchmarkListener composite(BenchmarkListener... listeners) {
        return new CompositeListener(List.of(listeners));
    }

    /** Fans every event out to {@code listeners}, in order. */
    final class CompositeListener implements BenchmarkListener {
        private final List<BenchmarkListener> listeners;

        public CompositeListener(List<BenchmarkListener> listeners) {
            this.listeners = List.copyOf(listeners);
        }

        @Override
        public void forkStarted(BenchmarkRequest request, int index, int forks) {
            listeners.forEach(l -> l.forkStarted(request, index, forks));
        }

        @Override
        public void phaseStarted(BenchmarkRequest request, Phase phase) {
            listeners.forEach(l -> l.phaseStarted(request, phase));
        }

        @Override
        public void runFinished(BenchmarkRequest request, Phase phase, int index, double millis) {
            listeners.forEach(l -> l.runFinished(request, phase, index, millis));
        }

        @Override
        public void configurationDone(BenchmarkOutcome outcome) {
            listeners.forEach(l -> l.configurationDone(outcome));
        }

        @Override
        public void failed(BenchmarkRequest request, String message) {
            listeners.forEach(l -> l.failed(request, message));
        }

        @Override
        public void sweepProgress(SweepProgress progress) {
            listeners.forEach(l -> l.sweepProgress(progress));
        }
    }
}
