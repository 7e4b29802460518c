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
