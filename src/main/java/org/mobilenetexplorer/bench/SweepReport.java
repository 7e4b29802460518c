package org.mobilenetexplorer.bench;

import java.time.Duration;
import java.util.List;

/**
 * What a sweep did.
 *
 * @param outcomes  one per configuration run, in order (fewer than requested when cancelled)
 * @param requested configurations requested
 * @param cancelled true when the sweep was cancelled before its end
 * @param elapsed   wall time
 */
public record SweepReport(List<BenchmarkOutcome> outcomes, int requested, boolean cancelled, Duration elapsed) {
    public SweepReport {
        outcomes = List.copyOf(outcomes);
    }

    /** The completed results, in order. */
    public List<BenchmarkResult> results() {
        return outcomes.stream().filter(o -> o instanceof BenchmarkOutcome.Completed)
                .map(o -> ((BenchmarkOutcome.Completed) o).result()).toList();
    }

    /** The failures, in order. */
    public List<BenchmarkOutcome.Failed> failures() {
        return outcomes.stream().filter(o -> o instanceof BenchmarkOutcome.Failed)
                .map(o -> (BenchmarkOutcome.Failed) o).toList();
    }
}
