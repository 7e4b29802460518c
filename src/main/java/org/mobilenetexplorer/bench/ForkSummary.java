package org.mobilenetexplorer.bench;

/**
 * One fork (one fresh worker JVM) of a benchmark run with {@code --forks N}: its own within-fork figures.
 *
 * @param runs             measured runs of this fork (its slice of {@code samplesMs}, in order)
 * @param medianMs         median of its samples, ms per batch
 * @param meanMs           mean of its samples
 * @param cv               coefficient of variation within the fork
 * @param startupMs        its start-up + network build
 * @param firstInferenceMs its first inference
 */
public record ForkSummary(int runs, double medianMs, double meanMs, double cv, double startupMs,
                          double firstInferenceMs) {
    public ForkSummary {
        InvalidSettingException.check(runs >= 1, "runs", runs, "must be >= 1");
    }
}
