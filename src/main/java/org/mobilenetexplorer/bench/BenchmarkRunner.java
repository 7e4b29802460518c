package org.mobilenetexplorer.bench;

/** Runs one benchmark somewhere (a forked worker JVM, or this JVM). Never throws: every end is an outcome. */
public interface BenchmarkRunner {
    BenchmarkOutcome run(BenchmarkRequest request, BenchmarkListener listener, CancellationToken cancel);
}
