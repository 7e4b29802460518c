package org.mobilenetexplorer.ui.benchmark;

import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.ui.common.Formats;
import org.mobilenetexplorer.bench.EnvironmentProbe;
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
 * @param deviceRecord the machine as its environment record describes it: CPU model and vendor, physical and logical
 *                    cores, clock, memory, SIMD flags and where the facts came from (the Device column's tooltip)
 */
public record ResultRow(BenchmarkResult result, String config, String backend, String median, String p90, String cv,
                        String gmacs, String stability, String environment, String when, String device,
                        String deviceRecord) {

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
                env.getOrDefault("timestamp", r.id()), org.mobilenetexplorer.bench.Device.of(r).label(),
                deviceRecord(env));
    }

    /**
     * {@code AMD EPYC 9R45 (AuthenticAMD), Linux 6.1 amd64 / 2 physical, 2 logical cores, 2450 MHz (max 3500),
     * 23.5 GiB memory / SIMD: avx avx2 fma ... / from /proc/cpuinfo + OSHI}, one fact a line; what a result written
     * before a key existed lacks is "unknown".
     */
    static String deviceRecord(java.util.Map<String, String> env) {
        String vendor = env.getOrDefault(EnvironmentProbe.CPU_VENDOR, "unknown");
        String mhz = env.getOrDefault(EnvironmentProbe.CPU_MHZ, "unknown");
        String max = env.getOrDefault(EnvironmentProbe.CPU_MAX_MHZ, "unknown");
        String mem = env.getOrDefault(EnvironmentProbe.MEMORY_MB, "unknown");
        String memory;
        try {
            memory = Formats.fixed(Long.parseLong(mem) / 1024.0, 1) + " GiB memory";
        } catch (NumberFormatException e) {
            memory = "memory unknown";
        }
        String simd = env.getOrDefault(EnvironmentProbe.SIMD, "");
        return env.getOrDefault(EnvironmentProbe.CPU_MODEL, "unknown CPU")
                + (vendor.equals("unknown") ? "" : " (" + vendor + ")") + ", " + env.getOrDefault(EnvironmentProbe.OS,
                "OS unknown")
                + "\n" + env.getOrDefault(EnvironmentProbe.PHYSICAL_CORES, "unknown") + " physical, "
                + env.getOrDefault(EnvironmentProbe.LOGICAL_CORES, "unknown") + " logical cores, "
                + (mhz.equals("unknown") ? "clock unknown" : mhz + " MHz") + (max.equals("unknown") ? ""
                : " (max " + max + " MHz)") + ", " + memory
                + "\nSIMD: " + (simd.isBlank() ? "not reported by the OS" : simd)
                + "\nfrom " + env.getOrDefault(EnvironmentProbe.CPU_INFO_SOURCE, "an older environment record");
    }
}
