package org.mobilenetexplorer.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Several forks of one benchmark (JMH's forks): what each fork runs, and how the forks' results become one.
 *
 * <p>Each fork runs the whole protocol (start-up, first inference, warm-up, measurement) in a fresh worker JVM with
 * {@code forks = 1}; only the last fork runs the per-layer profile. The combined result keeps every sample (fork
 * after fork) and computes {@code latencyMs} over all of them, as JMH's score pools the iterations of every fork;
 * {@code forks} holds each fork's own figures and the statistics of the fork medians (the spread between forks).
 * Phases: {@code startupMs} and {@code firstInferenceMs} are the median over the forks (each fork's own are in
 * {@code forks.perFork}); runs, measurement and profile times are sums; {@code warmupMeanMs} is the mean over all
 * warm-up runs. GC activity is summed. Environment, FMA peak and memory estimate are the first fork's (one
 * machine). Flags are those of the pooled samples, plus {@link Instability#MAX_TIME_CAP} (of the first fork cut
 * short, with its run count) when any fork was cut short and {@link Instability#FORK_SPREAD} when the between-fork CV exceeds {@link ForkStatistics#HIGH_SPREAD}.
 */
public final class Forks {
    private Forks() {
    }

    /** The request fork {@code index} (0-based) of {@code request} runs. */
    public static BenchmarkRequest forkRequest(BenchmarkRequest request, int index) {
        ProtocolSettings p = request.protocol();
        boolean last = index == p.forks() - 1;
        return new BenchmarkRequest(request.config(), request.backend(),
                p.toBuilder().forks(1).profileRepeats(last ? p.profileRepeats() : 0).build());
    }

    /** One result from the results of every fork of {@code request}, in the order they ran. */
    public static BenchmarkResult combine(BenchmarkRequest request, List<BenchmarkResult> forks) {
        ProtocolSettings p = request.protocol();
        InvalidSettingException.check(forks.size() == p.forks() && forks.size() >= 2, "forks",
                forks.size() + " result(s)", "must be protocol.forks = " + p.forks() + " results, at least 2");
        BenchmarkResult first = forks.get(0);
        List<Double> samples = new ArrayList<>();
        List<double[]> perFork = new ArrayList<>();
        List<PhaseTimes> phases = new ArrayList<>();
        long gcCount = 0;
        long gcMs = 0;
        UnstableFlag cap = null;
        BenchmarkResult profiled = null;
        for (BenchmarkResult f : forks) {
            samples.addAll(f.samplesMs());
            perFork.add(f.samplesMs().stream().mapToDouble(Double::doubleValue).toArray());
            phases.add(f.phases());
            gcCount += f.gc().collections();
            gcMs += f.gc().timeMs();
            if (cap == null) {
                cap = f.unstable().stream().filter(u -> u.kind() == Instability.MAX_TIME_CAP).findFirst().orElse(null);
            }
            if (f.layerSummary() != null || !f.layers().isEmpty()) {
                profiled = f;
            }
        }
        LatencyStatistics st = LatencyStatistics.of(samples);
        ForkStatistics spread = ForkStatistics.of(perFork, phases);
        GcActivity gc = new GcActivity(gcCount, gcMs);
        List<UnstableFlag> flags = new ArrayList<>(BenchmarkProtocol.instability(st, gc, false, p.maxTimeMs()));
        if (cap != null) {
            flags.add(cap); // the first fork the maximum time cut short, with its own run count
        }
        if (spread.ofMedians().cv() > ForkStatistics.HIGH_SPREAD) {
            flags.add(new UnstableFlag(Instability.FORK_SPREAD, spread.ofMedians().cv(), ForkStatistics.HIGH_SPREAD));
        }
        double gmac = first.macsPerImage() * (double) p.batch() / (st.median() * 1e6);
        return first.toBuilder()
                .protocol(p)
                .phases(combinedPhases(phases))
                .samplesMs(samples)
                .forks(spread)
                .throughputPerSec(p.batch() * 1000.0 / st.mean())
                .gmacPerSec(gmac)
                .peakShare(gmac / first.fmaPeak().gmacPerSec())
                .gc(gc)
                .layers(profiled == null ? List.of() : profiled.layers())
                .layerSummary(profiled == null ? null : profiled.layerSummary())
                .unstable(flags)
                .build();
    }

    private static PhaseTimes combinedPhases(List<PhaseTimes> phases) {
        double[] startup = phases.stream().mapToDouble(PhaseTimes::startupMs).toArray();
        double[] first = phases.stream().mapToDouble(PhaseTimes::firstInferenceMs).toArray();
        int warmupRuns = 0;
        double warmupSum = 0;
        int measured = 0;
        double measurementMs = 0;
        double profileMs = 0;
        for (PhaseTimes t : phases) {
            if (t.warmupRuns() > 0) {
                warmupRuns += t.warmupRuns();
                warmupSum += t.warmupMeanMs() * t.warmupRuns();
            }
            measured += t.measuredRuns();
            measurementMs += t.measurementMs();
            profileMs += t.profileMs();
        }
        return new PhaseTimes(LatencyStatistics.median(startup), LatencyStatistics.median(first), warmupRuns,
                warmupRuns == 0 ? Double.NaN : warmupSum / warmupRuns, measured, measurementMs, profileMs);
    }
}
