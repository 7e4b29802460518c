package org.mobilenetexplorer.bench;

import java.util.Locale;

/**
 * The words for the codes and numbers a result stores (result files keep codes and numbers only, so wording can
 * change without touching files). The command line and the GUI both say it this way.
 */
public final class ResultWords {
    private ResultWords() {
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Why {@code flag} was raised on {@code result}, e.g. "CV 14.2% > 10%: the machine was busy ...". */
    public static String reason(BenchmarkResult result, UnstableFlag flag) {
        return switch (flag.kind()) {
            case HIGH_CV -> f("CV %.1f%% > %.0f%%: the machine was busy or the runtime is noisy", flag.value() * 100,
                    flag.limit() * 100);
            case GC_DURING_MEASUREMENT -> f("%d garbage collection(s), %d ms, during measurement",
                    (long) flag.value(), result.gc().timeMs());
            case TOO_FEW_RUNS -> f("%d measured run(s) < %d: %s", (long) flag.value(), (long) flag.limit(),
                    flag.value() <= 2 ? "confidence interval undefined" : "wide confidence interval");
            case MAX_TIME_CAP -> f("max time %d ms reached after %d run(s) (asked for >= %d runs and >= %d ms)",
                    (long) flag.limit(), (long) flag.value(), result.protocol().minRuns(),
                    result.protocol().minTimeMs());
            case FORK_SPREAD -> f("fork medians differ: between-fork CV %.1f%% > %.0f%%%s", flag.value() * 100,
                    flag.limit() * 100, result.forks() == null ? "" : f(" (medians %.3f..%.3f ms)",
                            result.forks().ofMedians().min(), result.forks().ofMedians().max()));
        };
    }

    /** How the FMA peak was estimated, e.g. "estimate: 8 FP32 lanes (AVX2+FMA) x 2 FMA units/core ...". */
    public static String method(PeakEstimate p) {
        if (p.isa() == PeakEstimate.Isa.UNKNOWN) {
            return "unknown: no SIMD flags in /proc/cpuinfo";
        }
        if (Double.isNaN(p.ghz())) {
            return "unknown: no clock in /proc/cpuinfo (" + isa(p.isa()) + ")";
        }
        return f("estimate: %d FP32 lanes (%s) x %d FMA units/core (assumed) x %d threads x %.2f GHz ('cpu MHz' in "
                + "/proc/cpuinfo) = %.1f GMAC/s; the reported clock is often the base clock: a CPU in boost runs "
                + "faster, so a share above 100%% means it boosted (SMT siblings share FMA units)", p.lanes(),
                isa(p.isa()), p.fmaUnits(), p.threads(), p.ghz(), p.gmacPerSec());
    }

    /** The instruction set in words. */
    public static String isa(PeakEstimate.Isa isa) {
        return switch (isa) {
            case AVX512F -> "AVX-512F";
            case AVX512F_HALF_RATE -> "AVX-512F run as 2 x 256-bit halves (AMD before Zen 5)";
            case AVX2_FMA -> "AVX2+FMA";
            case AVX -> "AVX, no FMA: mul + add counted as one MAC";
            case SSE2 -> "SSE2";
            case NEON -> "NEON";
            case UNKNOWN -> "unknown";
        };
    }

    /** What the per-layer profile's comparison with the whole network means. */
    public static String note(LayerProfileSummary s) {
        String note = f("per-layer sum %.3f ms vs whole-network median %.3f ms: %+.1f%%", s.layerSumMs(),
                s.networkMedianMs(), s.differencePercent());
        if (s.consistent()) {
            return note + " (within " + (int) LayerProfileSummary.TOLERANCE_PERCENT + "%)";
        }
        if (s.differencePercent() > 0) {
            return note + ": the layers add up to more than the network; per-node profiling overhead and noise "
                    + "between the profile and the measurement inflate per-layer times, so read the shares, not the "
                    + "absolute values";
        }
        return note + ": the network takes longer than its layers; time outside the layers (framework overhead, "
                + "copies, waiting for threads on a busy machine) and noise between the profile and the "
                + "measurement, so read the shares, not the absolute values";
    }
}
