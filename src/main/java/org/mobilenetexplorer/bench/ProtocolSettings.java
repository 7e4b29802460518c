package org.mobilenetexplorer.bench;

import java.util.Map;

/**
 * How one benchmark is run (TFLite benchmark_model's bounds, JMH's separation of warm-up and measurement).
 *
 * <p>Warm-up runs until at least {@code warmupRuns} runs AND {@code warmupMinTimeMs} have passed; measurement runs
 * until at least {@code minRuns} runs AND {@code minTimeMs}, but never starts a run after {@code maxTimeMs} (so the
 * maximum wins over both minimums; a result cut short by it is flagged). Warm-up is capped by the same maximum.
 *
 * @param warmupRuns      minimum warm-up runs (after the first inference, which is reported on its own), >= 0
 * @param warmupMinTimeMs minimum warm-up time in ms, >= 0
 * @param minRuns         minimum measured runs, >= 1
 * @param minTimeMs       minimum measurement time in ms, >= 0
 * @param maxTimeMs       maximum measurement time in ms, >= 1; no run starts after it
 * @param batch           images per run, >= 1
 * @param threads         intra-op threads, 0 = all logical cores
 * @param inputSeed       seed of the random input (uniform in [-1, 1))
 * @param weightSeed      seed of the random weights (latency does not depend on their values)
 * @param profileRepeats  forward passes for the per-layer profile, 0 = no profile
 * @param backendOptions  backend-specific options passed through {@link BackendOptions#extra()}
 * @param nativeVariant   native library variant requested for the worker (e.g. {@code avx2}, {@code onednn});
 *                        empty = the backend's default
 */
public record ProtocolSettings(int warmupRuns, long warmupMinTimeMs, int minRuns, long minTimeMs, long maxTimeMs,
                               int batch, int threads, long inputSeed, long weightSeed, int profileRepeats,
                               Map<String, String> backendOptions, String nativeVariant) {

    public static final int MAX_BATCH = 4096;

    /** 5 warm-up runs / 0.5 s, 20 runs / 2 s, at most 60 s, batch 1, all cores, no profile. */
    public static final ProtocolSettings DEFAULT =
            new ProtocolSettings(5, 500, 20, 2_000, 60_000, 1, 0, 42, 1, 0, Map.of(), "");

    public ProtocolSettings {
        check(warmupRuns >= 0, "warmupRuns", warmupRuns, "must be >= 0");
        check(warmupMinTimeMs >= 0, "warmupMinTimeMs", warmupMinTimeMs, "must be >= 0");
        check(minRuns >= 1, "minRuns", minRuns, "must be >= 1");
        check(minTimeMs >= 0, "minTimeMs", minTimeMs, "must be >= 0");
        check(maxTimeMs >= 1, "maxTimeMs", maxTimeMs, "must be >= 1");
        check(batch >= 1 && batch <= MAX_BATCH, "batch", batch, "must be in 1.." + MAX_BATCH);
        check(threads >= 0, "threads", threads, "must be >= 0 (0 = all cores)");
        check(profileRepeats >= 0, "profileRepeats", profileRepeats, "must be >= 0 (0 = no profile)");
        backendOptions = backendOptions == null ? Map.of() : Map.copyOf(backendOptions);
        nativeVariant = nativeVariant == null ? "" : nativeVariant.strip();
    }

    private static void check(boolean ok, String field, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(field + " = " + value + ": " + rule);
        }
    }

    /** The options handed to {@link InferenceBackend#prepare}. */
    public BackendOptions toBackendOptions() {
        return new BackendOptions(threads, backendOptions);
    }

    public ProtocolSettings withWarmup(int runs, long minTimeMs) {
        return new ProtocolSettings(runs, minTimeMs, minRuns, this.minTimeMs, maxTimeMs, batch, threads, inputSeed,
                weightSeed, profileRepeats, backendOptions, nativeVariant);
    }

    public ProtocolSettings withMeasurement(int runs, long minTime, long maxTime) {
        return new ProtocolSettings(warmupRuns, warmupMinTimeMs, runs, minTime, maxTime, batch, threads, inputSeed,
                weightSeed, profileRepeats, backendOptions, nativeVariant);
    }

    public ProtocolSettings withBatch(int b) {
        return new ProtocolSettings(warmupRuns, warmupMinTimeMs, minRuns, minTimeMs, maxTimeMs, b, threads,
                inputSeed, weightSeed, profileRepeats, backendOptions, nativeVariant);
    }

    public ProtocolSettings withThreads(int t) {
        return new ProtocolSettings(warmupRuns, warmupMinTimeMs, minRuns, minTimeMs, maxTimeMs, batch, t, inputSeed,
                weightSeed, profileRepeats, backendOptions, nativeVariant);
    }

    public ProtocolSettings withProfileRepeats(int r) {
        return new ProtocolSettings(warmupRuns, warmupMinTimeMs, minRuns, minTimeMs, maxTimeMs, batch, threads,
                inputSeed, weightSeed, r, backendOptions, nativeVariant);
    }

    public ProtocolSettings withBackendOptions(Map<String, String> options) {
        return new ProtocolSettings(warmupRuns, warmupMinTimeMs, minRuns, minTimeMs, maxTimeMs, batch, threads,
                inputSeed, weightSeed, profileRepeats, options, nativeVariant);
    }

    public ProtocolSettings withNativeVariant(String variant) {
        return new ProtocolSettings(warmupRuns, warmupMinTimeMs, minRuns, minTimeMs, maxTimeMs, batch, threads,
                inputSeed, weightSeed, profileRepeats, backendOptions, variant);
    }
}
