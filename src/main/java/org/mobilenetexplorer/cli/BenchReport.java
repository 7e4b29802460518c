package org.mobilenetexplorer.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.mobilenetexplorer.bench.BenchmarkOutcome;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.EnvironmentProbe;
import org.mobilenetexplorer.bench.ForkStatistics;
import org.mobilenetexplorer.bench.KindProfile;
import org.mobilenetexplorer.bench.LatencyStatistics;
import org.mobilenetexplorer.bench.LayerProfile;
import org.mobilenetexplorer.bench.LayerProfileSummary;
import org.mobilenetexplorer.bench.PhaseTimes;
import org.mobilenetexplorer.bench.ResultWords;
import org.mobilenetexplorer.bench.UnstableFlag;

/** The human text of benchmark results for {@code bench} and {@code sweep}. Every unstable flag is shown. */
final class BenchReport {
    private BenchReport() {
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** The full summary of one result. */
    static void summary(BenchmarkResult r, PrintWriter out) {
        var env = r.environment();
        var p = r.protocol();
        out.println(f("MobileNet %s on %s (%s), batch %d, %s thread(s), native variant %s", r.config().label(),
                r.backend(), env.getOrDefault(EnvironmentProbe.BACKEND_NAME, r.backend()), p.batch(),
                env.getOrDefault(EnvironmentProbe.THREADS, "?"), env.getOrDefault(EnvironmentProbe.NATIVE_VARIANT, "?")));
        out.println(f("  %s, %s cores, %s; %s", env.get(EnvironmentProbe.CPU_MODEL),
                env.get(EnvironmentProbe.LOGICAL_CORES), env.get(EnvironmentProbe.OS), env.get(EnvironmentProbe.JVM)));
        PhaseTimes ph = r.phases();
        out.println(f("  start-up + build    %10.1f ms", ph.startupMs()));
        out.println(f("  first inference     %10.2f ms", ph.firstInferenceMs()));
        out.println(f("  warm-up             %10s ms mean of %d run(s)",
                Double.isNaN(ph.warmupMeanMs()) ? "-" : f("%.3f", ph.warmupMeanMs()), ph.warmupRuns()));
        LatencyStatistics s = r.latencyMs();
        out.println(f("  steady state        %d runs in %.2f s (ms per batch%s):", s.n(), ph.measurementMs() / 1000,
                r.forks() == null ? "" : f(", %d forks pooled", r.forks().count())));
        out.println(f("    median %.3f   mean %.3f %s", s.median(), s.mean(), ci(s)));
        out.println(f("    min %.3f   p90 %.3f   p99 %.3f   max %.3f   stddev %.3f   CV %.1f%%", s.min(), s.p90(),
                s.p99(), s.max(), s.stddev(), s.cv() * 100));
        if (r.forks() != null) {
            forks(r.forks(), out);
        }
        out.println(f("  throughput          %10.1f images/s (batch x 1000 / mean)", r.throughputPerSec()));
        out.println(f("  compute             %10.2f GMAC/s (%.1f M MACs per image / median)", r.gmacPerSec(),
                r.macsPerImage() / 1e6));
        if (Double.isNaN(r.fmaPeak().gmacPerSec())) {
            out.println("  share of FMA peak   unknown (" + ResultWords.method(r.fmaPeak()) + ")");
        } else {
            out.println(f("  share of FMA peak   %10.1f%% of %.1f GMAC/s, %s", r.peakShare() * 100,
                    r.fmaPeak().gmacPerSec(), ResultWords.method(r.fmaPeak())));
        }
        if (r.gc().collections() > 0) {
            out.println(f("  GC during measurement: %d collection(s), %d ms", r.gc().collections(), r.gc().timeMs()));
        }
        if (!r.layers().isEmpty()) {
            layers(r, out);
        }
        flags(r, out);
    }

    static String ci(LatencyStatistics s) {
        return s.ci95() == null ? "(95% CI undefined: n <= 2)"
                : f("± %.3f (95%% CI %.3f..%.3f, Student t)", s.ci95().halfWidth(), s.ci95().low(), s.ci95().high());
    }

    static void flags(BenchmarkResult r, PrintWriter out) {
        for (UnstableFlag u : r.unstable()) {
            out.println("  UNSTABLE " + u.kind() + ": " + ResultWords.reason(r, u));
        }
    }

    /** Each fork's median and the spread between forks. */
    static void forks(ForkStatistics fs, PrintWriter out) {
        LatencyStatistics m = fs.ofMedians();
        out.println(f("  forks               %d fresh worker JVMs; median (CV) per fork: %s", fs.count(),
                String.join(", ", fs.perFork().stream().map(k -> f("%.3f (%.1f%%)", k.medianMs(), k.cv() * 100))
                        .toList())));
        out.println(f("    between forks: median %.3f   min %.3f   max %.3f (+%.1f%%)   CV %.1f%%   mean %.3f %s",
                m.median(), m.min(), m.max(), fs.range() * 100, m.cv() * 100, m.mean(), ci(m)));
    }

    /** The per-layer table, the by-kind table and the comparison with the whole network. */
    static void layers(BenchmarkResult r, PrintWriter out) {
        LayerProfileSummary sum = r.layerSummary();
        out.println(f("  per-layer profile (%d repeats; median ms per layer; MACs per image):",
                sum == null ? 0 : sum.repeats()));
        out.println(f("    %-26s %-10s %10s %7s %10s %7s %9s", "layer", "kind", "median ms", "time%", "MMACs",
                "MAC%", "GMAC/s"));
        for (LayerProfile l : r.layers()) {
            out.println(f("    %-26s %-10s %10.4f %6.1f%% %10.2f %6.1f%% %9.2f", l.name(), l.kind(), l.medianMs(),
                    l.timeShare() * 100, l.macs() / 1e6, l.macShare() * 100, l.gmacPerSec()));
        }
        if (sum != null) {
            out.println("  by kind:");
            for (KindProfile k : sum.byKind()) {
                out.println(f("    %-26s %-10s %10.4f %6.1f%% %10.2f %6.1f%% %9.2f", k.layers() + " layer(s)",
                        k.kind(), k.medianMs(), k.timeShare() * 100, k.macs() / 1e6, k.macShare() * 100,
                        k.gmacPerSec()));
            }
            out.println("  " + ResultWords.note(sum));
        }
    }

    /** The table a sweep ends with. */
    static void sweepTable(List<BenchmarkOutcome> outcomes, PrintWriter out) {
        boolean forked = outcomes.stream().anyMatch(o -> o instanceof BenchmarkOutcome.Completed c
                && c.result().forks() != null);
        out.println(f("%-16s %-12s %6s %10s %10s %7s %9s %7s%s  %s", "config", "backend", "MMACs", "median ms",
                "p90 ms", "CV", "GMAC/s", "%peak", forked ? f(" %5s %12s", "forks", "fork medians") : "", "flags"));
        for (BenchmarkOutcome o : outcomes) {
            if (o instanceof BenchmarkOutcome.Completed c) {
                BenchmarkResult r = c.result();
                LatencyStatistics s = r.latencyMs();
                String forkColumns = !forked ? "" : r.forks() == null ? f(" %5d %12s", 1, "-")
                        : f(" %5d %12s", r.forks().count(), f("%.3f..%.3f", r.forks().ofMedians().min(),
                                r.forks().ofMedians().max()));
                out.println(f("%-16s %-12s %6.1f %10.3f %10.3f %6.1f%% %9.2f %6.1f%%%s  %s", r.config().label(),
                        r.backend(), r.macsPerImage() / 1e6, s.median(), s.p90(), s.cv() * 100, r.gmacPerSec(),
                        r.peakShare() * 100, forkColumns, r.unstable().isEmpty() ? "-" : String.join(",",
                                r.unstable().stream().map(u -> u.kind().name()).toList())));
            } else if (o instanceof BenchmarkOutcome.Failed fl) {
                out.println(f("%-16s %-12s FAILED: %s", fl.request().config().label(), fl.request().backend(),
                        fl.message()));
            } else {
                out.println(f("%-16s %-12s cancelled", o.request().config().label(), o.request().backend()));
            }
        }
    }
}
