package org.mobilenetexplorer.bench;

import static org.mobilenetexplorer.bench.InvalidSettingException.check;
import static org.mobilenetexplorer.bench.InvalidSettingException.required;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * One completed benchmark: one configuration on one backend, with the protocol, environment, raw samples,
 * statistics, derived rates, per-layer profile and instability flags. Stored as one JSON file by
 * {@link ResultStore}; the JSON fields are the record components (documented in the README, "Benchmarks"). Files
 * keep codes and numbers; {@link ResultWords} says them in words. Build one with {@link #builder()}.
 *
 * @param schemaVersion    {@link #SCHEMA_VERSION}
 * @param id               unique id, also the file name stem: {@code 20261128T033000.123Z-onnxruntime-1.0-224-b1}
 * @param config           the network configuration
 * @param backend          backend id ({@code onnxruntime}, {@code dl4j})
 * @param environment      machine, JVM, backend and tool facts (keys in {@link EnvironmentProbe})
 * @param protocol         how it was run
 * @param phases           start-up, first inference, warm-up and measurement times (with forks: see
 *                         {@link Forks#combine})
 * @param latencyMs        statistics of {@code samplesMs}
 * @param samplesMs        every measured run, in order, ms per batch (with forks: fork after fork)
 * @param forks            the spread between forks; null for one fork
 * @param throughputPerSec images per second = batch x 1000 / mean latency
 * @param macsPerImage     network MACs for one image (CostModel convention)
 * @param gmacPerSec       achieved GMAC/s = macsPerImage x batch / median latency
 * @param fmaPeak          estimated FMA peak of the threads used (an estimate, with its method)
 * @param peakShare        gmacPerSec / fmaPeak.gmacPerSec (NaN when the peak is unknown)
 * @param gc               garbage collection during measurement
 * @param memory           the memory estimate the guard checked before running
 * @param layers           per-layer profile (empty when not profiled or the backend cannot profile)
 * @param layerSummary     the profile's comparison with the whole network; null when not profiled
 * @param unstable         why the measurement is unstable; empty when it is not
 */
public record BenchmarkResult(
        int schemaVersion,
        String id,
        MobileNetConfig config,
        String backend,
        Map<String, String> environment,
        ProtocolSettings protocol,
        PhaseTimes phases,
        LatencyStatistics latencyMs,
        List<Double> samplesMs,
        ForkStatistics forks,
        double throughputPerSec,
        long macsPerImage,
        double gmacPerSec,
        PeakEstimate fmaPeak,
        double peakShare,
        GcActivity gc,
        MemoryEstimate memory,
        List<LayerProfile> layers,
        LayerProfileSummary layerSummary,
        List<UnstableFlag> unstable) {

    /**
     * The JSON format version written by this build. Version 1 files (before issue 10: words instead of codes,
     * no forks) are upgraded on load by {@link ResultStore}; other versions are skipped.
     */
    public static final int SCHEMA_VERSION = 2;

    public BenchmarkResult {
        check(schemaVersion == SCHEMA_VERSION, "schemaVersion", schemaVersion, "this build reads version "
                + SCHEMA_VERSION);
        requireText(id, "id");
        required(config, "config");
        requireText(backend, "backend");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(required(environment, "environment")));
        required(protocol, "protocol");
        required(phases, "phases");
        required(latencyMs, "latencyMs");
        samplesMs = List.copyOf(required(samplesMs, "samplesMs"));
        check(samplesMs.size() == latencyMs.n(), "samplesMs", samplesMs.size() + " values",
                "must match latencyMs.n = " + latencyMs.n());
        for (int i = 0; i < samplesMs.size(); i++) {
            double v = samplesMs.get(i);
            check(Double.isFinite(v) && v >= 0, "samplesMs[" + i + "]", v, "must be finite and >= 0");
        }
        if (forks != null) {
            check(forks.count() == protocol.forks(), "forks", forks.count() + " fork(s)",
                    "must match protocol.forks = " + protocol.forks());
            int runs = forks.perFork().stream().mapToInt(ForkSummary::runs).sum();
            check(runs == samplesMs.size(), "forks.perFork.runs", runs, "must add up to the "
                    + samplesMs.size() + " samples");
        } else {
            check(protocol.forks() == 1, "forks", null, "missing for protocol.forks = " + protocol.forks());
        }
        required(fmaPeak, "fmaPeak");
        required(gc, "gc");
        required(memory, "memory");
        layers = layers == null ? List.of() : List.copyOf(layers);
        unstable = unstable == null ? List.of() : List.copyOf(unstable);
    }

    private static void requireText(String s, String field) {
        check(s != null && !s.isBlank(), field, s, "must be a non-empty string");
    }

    /** A builder for this build's schema version; every field but forks, layers, layerSummary, unstable is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this result's fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True when no instability flag was raised. */
    @JsonIgnore
    public boolean isStable() {
        return unstable.isEmpty();
    }

    /** {@code 1.0-224 onnxruntime}, {@code 1.0-224 int8 onnxruntime b8} */
    @JsonIgnore
    public String label() {
        return config.label() + Precisions.of(protocol).labelSuffix() + " " + backend + (protocol.batch() == 1 ? "" : " b" + protocol.batch());
    }

    /** The median latency per image in ms (median / batch). */
    @JsonIgnore
    public double medianMsPerImage() {
        return latencyMs.median() / protocol.batch();
    }

    /**
     * Builds a {@link BenchmarkResult}; {@link #build()} names the first missing or bad field
     * ({@link InvalidSettingException}).
     */
    public static final class Builder {
        private String id;
        private MobileNetConfig config;
        private String backend;
        private Map<String, String> environment;
        private ProtocolSettings protocol;
        private PhaseTimes phases;
        private LatencyStatistics latencyMs;
        private List<Double> samplesMs;
        private ForkStatistics forks;
        private Double throughputPerSec;
        private Long macsPerImage;
        private Double gmacPerSec;
        private PeakEstimate fmaPeak;
        private Double peakShare;
        private GcActivity gc;
        private MemoryEstimate memory;
        private List<LayerProfile> layers = List.of();
        private LayerProfileSummary layerSummary;
        private List<UnstableFlag> unstable = List.of();

        private Builder() {
        }

        private Builder(BenchmarkResult r) {
            id = r.id;
            config = r.config;
            backend = r.backend;
            environment = r.environment;
            protocol = r.protocol;
            phases = r.phases;
            latencyMs = r.latencyMs;
            samplesMs = r.samplesMs;
            forks = r.forks;
            throughputPerSec = r.throughputPerSec;
            macsPerImage = r.macsPerImage;
            gmacPerSec = r.gmacPerSec;
            fmaPeak = r.fmaPeak;
            peakShare = r.peakShare;
            gc = r.gc;
            memory = r.memory;
            layers = r.layers;
            layerSummary = r.layerSummary;
            unstable = r.unstable;
        }

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder config(MobileNetConfig v) {
            config = v;
            return this;
        }

        public Builder backend(String v) {
            backend = v;
            return this;
        }

        public Builder environment(Map<String, String> v) {
            environment = v;
            return this;
        }

        public Builder protocol(ProtocolSettings v) {
            protocol = v;
            return this;
        }

        public Builder phases(PhaseTimes v) {
            phases = v;
            return this;
        }

        /** The samples and their statistics, computed here. */
        public Builder samplesMs(List<Double> v) {
            samplesMs = v;
            latencyMs = v == null || v.isEmpty() ? null : LatencyStatistics.of(v);
            return this;
        }

        /** The statistics as stored (a file being read); {@link #build()} checks they belong to the samples. */
        public Builder latencyMs(LatencyStatistics v) {
            latencyMs = v;
            return this;
        }

        public Builder forks(ForkStatistics v) {
            forks = v;
            return this;
        }

        public Builder throughputPerSec(double v) {
            throughputPerSec = v;
            return this;
        }

        public Builder macsPerImage(long v) {
            check(v >= 0, "macsPerImage", v, "must be >= 0");
            macsPerImage = v;
            return this;
        }

        public Builder gmacPerSec(double v) {
            gmacPerSec = v;
            return this;
        }

        public Builder fmaPeak(PeakEstimate v) {
            fmaPeak = v;
            return this;
        }

        public Builder peakShare(double v) {
            peakShare = v;
            return this;
        }

        public Builder gc(GcActivity v) {
            gc = v;
            return this;
        }

        public Builder memory(MemoryEstimate v) {
            memory = v;
            return this;
        }

        public Builder layers(List<LayerProfile> v) {
            layers = v;
            return this;
        }

        public Builder layerSummary(LayerProfileSummary v) {
            layerSummary = v;
            return this;
        }

        public Builder unstable(List<UnstableFlag> v) {
            unstable = v;
            return this;
        }

        public BenchmarkResult build() {
            requireText(id, "id");
            required(config, "config");
            requireText(backend, "backend");
            required(environment, "environment");
            required(protocol, "protocol");
            required(phases, "phases");
            required(samplesMs, "samplesMs");
            return new BenchmarkResult(SCHEMA_VERSION, id, config, backend, environment, protocol, phases,
                    required(latencyMs, "latencyMs"), samplesMs, forks, required(throughputPerSec, "throughputPerSec"),
                    required(macsPerImage, "macsPerImage"), required(gmacPerSec, "gmacPerSec"), fmaPeak,
                    required(peakShare, "peakShare"), gc, memory, layers, layerSummary, unstable);
        }
    }
}
