package org.mobilenetexplorer.bench;

/**
 * The phases TFLite's benchmark_model reports separately, in milliseconds.
 *
 * @param startupMs        backend start-up (native libraries) plus network build, {@link InferenceBackend#prepare}
 * @param firstInferenceMs the first run after build (allocations, lazy initialisation, JIT)
 * @param warmupRuns       warm-up runs after the first inference
 * @param warmupMeanMs     their mean (NaN when there were none)
 * @param measuredRuns     measured (steady-state) runs
 * @param measurementMs    wall time of the measurement phase
 * @param profileMs        wall time of the per-layer profile (0 when not profiled)
 */
public record PhaseTimes(double startupMs, double firstInferenceMs, int warmupRuns, double warmupMeanMs,
                         int measuredRuns, double measurementMs, double profileMs) {
}
