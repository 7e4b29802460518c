package org.mobilenetexplorer.bench;

import static org.mobilenetexplorer.bench.InvalidSettingException.check;

import java.util.Map;

/**
 * How one benchmark is run (TFLite benchmark_model's bounds, JMH's separation of warm-up and measurement, JMH's
 * forks). Build one with {@link #builder()} (or {@link #toBuilder()} from another); every bad value is an
 * {@link InvalidSettingException} naming the field.
 *
 * <p>Warm-up runs until at least {@code warmupRuns} runs AND {@code warmupMinTimeMs} have passed; measurement runs
 * until at least {@code minRuns} runs AND {@code minTimeMs}, but never starts a run after {@code maxTimeMs} (so the
 * maximum wins over both minimums; a result cut short by it is flagged). Warm-up is capped by the same maximum.
 * With {@code forks} > 1 all of that is repeated in that many fresh worker JVMs and the results are combined.
 *
 * @param warmupRuns      minimum warm-up runs (after the first inference, which is reported on its own),
 *                        0..{@value #MAX_RUNS}
 * @param warmupMinTimeMs minimum warm-up time in ms, 0..{@value #MAX_TIME_MS}
 * @param minRuns         minimum measured runs, 1..{@value #MAX_RUNS}
 * @param minTimeMs       minimum measurement time in ms, 0..{@value #MAX_TIME_MS}
 * @param maxTimeMs       maximum measurement time in ms, 1..{@value #MAX_TIME_MS}; no run starts after it
 * @param batch           images per run, 1..{@value #MAX_BATCH}
 * @param threads         intra-op threads, 0 = all logical cores, at most {@value #MAX_THREADS}
 * @param inputSeed       seed of the random input (uniform in [-1, 1))
 * @param weightSeed      seed of the random weights (latency does not depend on their values)
 * @param profileRepeats  forward passes for the per-layer profile, 0 = no profile, at most
 *                        {@value #MAX_PROFILE_REPEATS}
 * @param backendOptions  backend-specific options passed through {@link BackendOptions#extra()}
 * @param nativeVariant   native library variant requested for the worker (e.g. {@code avx2}, {@code onednn});
 *                        empty = the backend's default
 * @param forks           fresh worker JVMs that each run the whole protocol, 1..{@value #MAX_FORKS} (JMH's forks)
 */
public record ProtocolSettings(int warmupRuns, long warmupMinTimeMs, int minRuns, long minTimeMs, long maxTimeMs,
                               int batch, int threads, long inputSeed, long weightSeed, int profileRepeats,
                               Map<String, String> backendOptions, String nativeVariant, int forks) {

    public static final int MAX_BATCH = 4096;
    public static final int MAX_FORKS = 20;
    /**
     * The most runs a phase takes (warm-up or measurement, also when its minimum time would allow more): one
     * million samples keep the worker's heap small and a result file well under {@link ResultStore#MAX_FILE_BYTES}.
     */
    public static final int MAX_RUNS = 1_000_000;
    /** The longest warm-up or measurement time: one day. */
    public static final long MAX_TIME_MS = 86_400_000L;
    /** The most intra-op threads (far above any core count a benchmark means). */
    public static final int MAX_THREADS = 1024;
    /** The most forward passes of the per-layer profile. */
    public static final int MAX_PROFILE_REPEATS = 100_000;
    /** The rule of every time setting, as the command line and result files name it. */
    public static final String TIME_RULE = "must be at most 1 day (86400s)";

    // the defaults, one place: ProtocolSettings.DEFAULT and the command line's help both read them
    public static final int DEFAULT_WARMUP_RUNS = 5;
    public static final long DEFAULT_WARMUP_MIN_TIME_MS = 500;
    public static final int DEFAULT_MIN_RUNS = 20;
    public static final long DEFAULT_MIN_TIME_MS = 2_000;
    public static final long DEFAULT_MAX_TIME_MS = 60_000;
    public static final int DEFAULT_BATCH = 1;
    public static final int DEFAULT_THREADS = 0;
    public static final long DEFAULT_INPUT_SEED = 42;
    public static final long DEFAULT_WEIGHT_SEED = 1;
    public static final int DEFAULT_FORKS = 1;

    /** 5 warm-up runs / 0.5 s, 20 runs / 2 s, at most 60 s, batch 1, all cores, no profile, one fork. */
    public static final ProtocolSettings DEFAULT = new Builder().build();

    public ProtocolSettings {
        checkWarmupRuns(warmupRuns);
        checkWarmupMinTimeMs(warmupMinTimeMs);
        checkMinRuns(minRuns);
        checkMinTimeMs(minTimeMs);
        checkMaxTimeMs(maxTimeMs);
        checkBatch(batch);
        checkThreads(threads);
        checkProfileRepeats(profileRepeats);
        checkForks(forks);
        backendOptions = backendOptions == null ? Map.of() : Map.copyOf(backendOptions);
        nativeVariant = nativeVariant == null ? "" : nativeVariant.strip();
    }

    private static void checkWarmupRuns(int v) {
        check(v >= 0 && v <= MAX_RUNS, "warmupRuns", v, "must be in 0.." + MAX_RUNS);
    }

    private static void checkWarmupMinTimeMs(long v) {
        check(v >= 0, "warmupMinTimeMs", v, "must be >= 0 ms");
        check(v <= MAX_TIME_MS, "warmupMinTimeMs", v, TIME_RULE);
    }

    private static void checkMinRuns(int v) {
        check(v >= 1 && v <= MAX_RUNS, "minRuns", v, "must be in 1.." + MAX_RUNS);
    }

    private static void checkMinTimeMs(long v) {
        check(v >= 0, "minTimeMs", v, "must be >= 0 ms");
        check(v <= MAX_TIME_MS, "minTimeMs", v, TIME_RULE);
    }

    private static void checkMaxTimeMs(long v) {
        check(v >= 1, "maxTimeMs", v, "must be >= 1 ms");
        check(v <= MAX_TIME_MS, "maxTimeMs", v, TIME_RULE);
    }

    private static void checkBatch(int v) {
        check(v >= 1 && v <= MAX_BATCH, "batch", v, "must be in 1.." + MAX_BATCH);
    }

    private static void checkThreads(int v) {
        check(v >= 0 && v <= MAX_THREADS, "threads", v, "must be in 0.." + MAX_THREADS + " (0 = all cores)");
    }

    private static void checkProfileRepeats(int v) {
        check(v >= 0 && v <= MAX_PROFILE_REPEATS, "profileRepeats", v, "must be in 0.." + MAX_PROFILE_REPEATS
                + " (0 = no profile)");
    }

    private static void checkForks(int v) {
        check(v >= 1 && v <= MAX_FORKS, "forks", v, "must be in 1.." + MAX_FORKS
                + " (each fork is a fresh worker JVM running the whole protocol)");
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The options handed to {@link InferenceBackend#prepare}. */
    public BackendOptions toBackendOptions() {
        return new BackendOptions(threads, backendOptions);
    }

    public ProtocolSettings withWarmup(int runs, long minTimeMs) {
        return toBuilder().warmupRuns(runs).warmupMinTimeMs(minTimeMs).build();
    }

    public ProtocolSettings withMeasurement(int runs, long minTime, long maxTime) {
        return toBuilder().minRuns(runs).minTimeMs(minTime).maxTimeMs(maxTime).build();
    }

    public ProtocolSettings withBatch(int b) {
        return toBuilder().batch(b).build();
    }

    public ProtocolSettings withThreads(int t) {
        return toBuilder().threads(t).build();
    }

    public ProtocolSettings withProfileRepeats(int r) {
        return toBuilder().profileRepeats(r).build();
    }

    public ProtocolSettings withBackendOptions(Map<String, String> options) {
        return toBuilder().backendOptions(options).build();
    }

    public ProtocolSettings withNativeVariant(String variant) {
        return toBuilder().nativeVariant(variant).build();
    }

    public ProtocolSettings withForks(int n) {
        return toBuilder().forks(n).build();
    }

    /**
     * Builds {@link ProtocolSettings}, starting from the defaults. Each setter checks its value at once and throws
     * {@link InvalidSettingException} naming the field, so a caller knows which of its inputs was wrong.
     */
    public static final class Builder {
        private int warmupRuns = DEFAULT_WARMUP_RUNS;
        private long warmupMinTimeMs = DEFAULT_WARMUP_MIN_TIME_MS;
        private int minRuns = DEFAULT_MIN_RUNS;
        private long minTimeMs = DEFAULT_MIN_TIME_MS;
        private long maxTimeMs = DEFAULT_MAX_TIME_MS;
        private int batch = DEFAULT_BATCH;
        private int threads = DEFAULT_THREADS;
        private long inputSeed = DEFAULT_INPUT_SEED;
        private long weightSeed = DEFAULT_WEIGHT_SEED;
        private int profileRepeats;
        private Map<String, String> backendOptions = Map.of();
        private String nativeVariant = "";
        private int forks = DEFAULT_FORKS;

        private Builder() {
        }

        private Builder(ProtocolSettings p) {
            warmupRuns = p.warmupRuns;
            warmupMinTimeMs = p.warmupMinTimeMs;
            minRuns = p.minRuns;
            minTimeMs = p.minTimeMs;
            maxTimeMs = p.maxTimeMs;
            batch = p.batch;
            threads = p.threads;
            inputSeed = p.inputSeed;
            weightSeed = p.weightSeed;
            profileRepeats = p.profileRepeats;
            backendOptions = p.backendOptions;
            nativeVariant = p.nativeVariant;
            forks = p.forks;
        }

        public Builder warmupRuns(int v) {
            checkWarmupRuns(v);
            warmupRuns = v;
            return this;
        }

        public Builder warmupMinTimeMs(long v) {
            checkWarmupMinTimeMs(v);
            warmupMinTimeMs = v;
            return this;
        }

        public Builder minRuns(int v) {
            checkMinRuns(v);
            minRuns = v;
            return this;
        }

        public Builder minTimeMs(long v) {
            checkMinTimeMs(v);
            minTimeMs = v;
            return this;
        }

        public Builder maxTimeMs(long v) {
            checkMaxTimeMs(v);
            maxTimeMs = v;
            return this;
        }

        public Builder batch(int v) {
            checkBatch(v);
            batch = v;
            return this;
        }

        public Builder threads(int v) {
            checkThreads(v);
            threads = v;
            return this;
        }

        public Builder inputSeed(long v) {
            inputSeed = v;
            return this;
        }

        public Builder weightSeed(long v) {
            weightSeed = v;
            return this;
        }

        public Builder profileRepeats(int v) {
            checkProfileRepeats(v);
            profileRepeats = v;
            return this;
        }

        public Builder backendOptions(Map<String, String> v) {
            backendOptions = v == null ? Map.of() : Map.copyOf(v);
            return this;
        }

        public Builder nativeVariant(String v) {
            nativeVariant = v == null ? "" : v.strip();
            return this;
        }

        public Builder forks(int v) {
            checkForks(v);
            forks = v;
            return this;
        }

        public ProtocolSettings build() {
            return new ProtocolSettings(warmupRuns, warmupMinTimeMs, minRuns, minTimeMs, maxTimeMs, batch, threads,
                    inputSeed, weightSeed, profileRepeats, backendOptions, nativeVariant, forks);
        }
    }
}
