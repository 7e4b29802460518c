package org.mobilenetexplorer.tradeoff;

import java.util.List;
import org.mobilenetexplorer.bench.LayerProfile;

/**
 * A latency with where it came from: measured (a result file), predicted (a device profile) or published (a paper's
 * or TF-Slim's phone table); {@link #kind()} says which, and a series never mixes kinds.
 *
 * @param medianMs    median latency per image, ms (batch 1)
 * @param backend     backend id
 * @param backendName backend display name with version, when recorded
 * @param cpu         CPU model recorded with the result
 * @param resultFile  result file name in the results directory
 * @param stable      false when the benchmark flagged the measurement as unstable
 * @param layers      the per-layer profile of that result (empty when not profiled)
 * @param kind        measured, predicted or published
 * @param device      the device it belongs to ({@code AMD EPYC 9R45, Linux amd64}, {@code published, Pixel 1})
 */
public record MeasuredLatency(double medianMs, String backend, String backendName, String cpu, String resultFile,
                              boolean stable, List<LayerProfile> layers, LatencyKind kind, String device) {
    /** A latency measured on the CPU {@code cpu} (the device named by it). */
    public MeasuredLatency(double medianMs, String backend, String backendName, String cpu, String resultFile,
                           boolean stable, List<LayerProfile> layers) {
        this(medianMs, backend, backendName, cpu, resultFile, stable, layers, LatencyKind.MEASURED, cpu);
    }

    public MeasuredLatency {
        if (!(medianMs > 0)) {
            throw new IllegalArgumentException("medianMs = " + medianMs + ": must be > 0");
        }
        backendName = backendName == null || backendName.isBlank() ? backend : backendName;
        cpu = cpu == null ? "" : cpu;
        layers = layers == null ? List.of() : List.copyOf(layers);
        kind = kind == null ? LatencyKind.MEASURED : kind;
        device = device == null || device.isBlank() ? cpu : device;
    }
}
