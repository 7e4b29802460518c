package org.mobilenetexplorer.tradeoff;

/**
 * A measured latency with where it came from.
 *
 * @param medianMs    median latency per image, ms (batch 1)
 * @param backend     backend id
 * @param backendName backend display name with version, when recorded
 * @param cpu         CPU model recorded with the result
 * @param resultFile  result file name in the results directory
 * @param stable      false when the benchmark flagged the measurement as unstable
 */
public record MeasuredLatency(double medianMs, String backend, String backendName, String cpu, String resultFile,
                              boolean stable) {
    public MeasuredLatency {
        if (!(medianMs > 0)) {
            throw new IllegalArgumentException("medianMs = " + medianMs + ": must be > 0");
        }
        backendName = backendName == null || backendName.isBlank() ? backend : backendName;
        cpu = cpu == null ? "" : cpu;
    }
}
