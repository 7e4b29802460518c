package org.mobilenetexplorer.tradeoff;

import java.util.List;
import org.mobilenetexplorer.bench.LayerProfile;

/**
 * A measured latency with where it came from.
 *
 * @param medianMs    median latency per image, ms (batch 1)
 * @param backend     backend id
 * @param backendName backend display name with version, when recorded
 * @param cpu         CPU model recorded with the result
 * @param resultFile  result file name in the results directory
 * @param stable      false when the benchmark flagged the measurement as unstable
 * @param layers      the per-layer profile of that result (empty when not profiled)
 */
public record MeasuredLatency(double medianMs, String backend, String backendName, String cpu, String resultFile,
                              boolean stable, List<LayerProfile> layers) {
    public MeasuredLatency {
        if (!(medianMs > 0)) {
            throw new IllegalArgumentException("medianMs = " + medianMs + ": must be > 0");
        }
        backendName = backendName == null || backendName.isBlank() ? backend : backendName;
        cpu = cpu == null ? "" : cpu;
        layers = layers == null ? List.of() : List.copyOf(layers);
    }
}
