package org.mobilenetexplorer.bench;

import java.util.ArrayList;
import java.util.List;

/** Runs one benchmark somewhere (a forked worker JVM, or this JVM). Never throws: every end is an outcome. */
public interface BenchmarkRunner {
    BenchmarkOutcome run(BenchmarkRequest request, BenchmarkListener listener, CancellationToken cancel);

    /**
     * Runs {@code requests} one after the other and returns their outcomes in order, each also reported to
     * {@code listener} ({@code configurationDone}); stops at cancellation (the list then ends with a
     * {@link BenchmarkOutcome.Cancelled}). Every request must have one fork. This default runs them one by one;
     * {@link ForkedRunner} runs them all in one worker JVM (a fresh network and session each), which is what
     * {@link ForkRounds} relies on to repeat many short benchmarks without a JVM start each.
     */
    default List<BenchmarkOutcome> runAll(List<BenchmarkRequest> requests, BenchmarkListener listener,
                                          CancellationToken cancel) {
        List<BenchmarkOutcome> outcomes = new ArrayList<>();
        for (BenchmarkRequest r : requests) {
            BenchmarkOutcome o = run(r, listener, cancel);
            outcomes.add(o);
            if (o instanceof BenchmarkOutcome.Cancelled) {
                break;
            }
        }
        return outcomes;
    }
}
