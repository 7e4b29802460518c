package org.mobilenetexplorer.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * One completed benchmark: one configuration on one backend, with the protocol, environment, raw samples,
 * statistics, derived rates, per-layer profile and instability flags. Stored as one JSON file by
 * {@link ResultStore}; the JSON fields are the record components (documented in the README, "Benchmarks").
 *
 * @param schemaVersion    {@link #SCHEMA_VERSION}
 * @param id               unique id, also the file name stem: {@code 20261128T033000.123Z-onnxruntime-1.0-224-b1}
 * @param config           the network configuration
 * @param backend          backend id ({@code onnxruntime}, {@code dl4j})
 * @param environment      machine, JVM, backend and tool facts (keys in {@link EnvironmentProbe})
 * @param protocol         how it was run
 * @param phases           start-up, first inference, warm-up and measurement times
 * @param latencyMs        statistics of {@code samplesMs}
 * @param samplesMs        every measured run, in order, ms per batch
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

    /** The JSON format version written by this build; files with another version are skipped on load. */
    public static final int SCHEMA_VERSION = 1;

    public BenchmarkResult {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion = " + schemaVersion + ": this build reads version "
                    + SCHEMA_VERSION);
        }
        requireText(id, "id");
        Objects.requireNonNull(config, "config");
        requireText(backend, "backend");
        Objects.requireNonNull(environment, "environment");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(phases, "phases");
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(samplesMs, "samplesMs");
        samplesMs = List.copyOf(samplesMs);
        if (samplesMs.size() != latencyMs.n()) {
            throw new IllegalArgumentException("samplesMs has " + samplesMs.size() + " values but latencyMs.n = "
                    + latencyMs.n());
        }
        Objects.requireNonNull(fmaPeak, "fmaPeak");
        Objects.requireNonNull(gc, "gc");
        Objects.requireNonNull(memory, "memory");
        layers = layers == null ? List.of() : List.copyOf(layers);
        unstable = unstable == null ? List.of() : List.copyOf(unstable);
    }

    private static void requireText(String s, String field) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(field + " = " + s + ": must be a non-empty string");
        }
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
}
