package org.mobilenetexplorer.ui.benchmark;

import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.ui.common.Formats;
import org.mobilenetexplorer.bench.ResultWords;

/**
 * One stored benchmark result as the results table shows it.
 *
 * @param result      the result
 * @param config      configuration label
 * @param backend     backend id and version
 * @param median      median latency per batch
 * @param p90         90th percentile
 * @param cv          coefficient of variation
 * @param gmacs       achieved GMAC/s and share of the estimated FMA peak
 * @param stability   "stable" or the flags
 * @param environment CPU, threads, native variant, JVM
 * @param when        timestamp
 * @param device      the machine it was measured on ({@link org.mobilenetexplorer.bench.Device}); rows group by it
 */
public record ResultRow(BenchmarkResult result, String config, String backend, String median, String p90, String cv,
                        String gmacs, String stability, String environment, String when, String device) {

    static ResultRow of(BenchmarkResult r) {
        var env = r.environment();
        String version = env.getOrDefault("backendVersion", "");
        String peak = Double.isNaN(r.peakShare()) ? "" : " (" + Formats.fixed(r.peakShare() * 100, 0) + " % of peak)";
        String stability = r.isStable() ? "stable"
                : "UNSTABLE: " + String.join("; ", r.unstable().stream().map(f -> ResultWords.reason(r, f)).toList());
        String environment = env.getOrDefault("cpuModel", "?") + " · " + env.getOrDefault("threads", "?")
                + " threads · " + env.getOrDefault("nativeVariant", "") + " · " + env.getOrDefault("jvm", "");
        return new ResultRow(r, r.config().label() + org.mobilenetexplorer.bench.Precisions.of(r).labelSuffix()
                + (r.protocol().batch() == 1 ? "" : " b" + r.protocol().batch()),
                r.backend() + (version.isEmpty() ? "" : " " + version), Formats.ms(r.latencyMs().median()),
                Formats.ms(r.latencyMs().p90()), Formats.fixed(r.latencyMs().cv() * 100, 1) + " %",
                Formats.fixed(r.gmacPerSec(), 1) + peak, stability, environment,
                env.getOrDefault("timestamp", r.id()), org.mobilenetexplorer.bench.Device.of(r).label());
    }
}
