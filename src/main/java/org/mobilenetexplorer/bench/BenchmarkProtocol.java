package org.mobilenetexplorer.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.NetworkStats;

/**
 * The timing loop, generic over {@link InferenceBackend} (TFLite benchmark_model's Init/RunImpl split): start-up
 * and build, first inference, warm-up, measurement, optional per-layer profile. Runs in the current JVM (the
 * forked worker calls it); it never prints, it reports to a {@link BenchmarkListener}, and checks for
 * cancellation between runs.
 */
public final class BenchmarkProtocol {
    /** A coefficient of variation above this flags the measurement unstable. */
    public static final double HIGH_CV = 0.10;
    /** Fewer measured runs than this flags the measurement unstable. */
    public static final int FEW_RUNS = 10;

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final LongSupplier nanoTime;
    private final CpuInfo cpu;

    /** Blackhole: every output is folded in here, so no run can be optimised away. */
    private volatile int sink;

    /** The real clock ({@link System#nanoTime()}) and this machine's CPU. */
    public BenchmarkProtocol() {
        this(System::nanoTime, CpuInfo.detect());
    }

    /** A protocol with an injected clock (tests advance a fake clock instead of sleeping). */
    public BenchmarkProtocol(LongSupplier nanoTime, CpuInfo cpu) {
        this.nanoTime = nanoTime;
        this.cpu = cpu;
    }

    /**
     * Runs {@code request} on {@code backend}.
     *
     * @throws BackendException                        the backend failed (message says what)
     * @throws CancellationToken.CancelledException    {@code cancel} was cancelled between runs
     */
    public BenchmarkResult run(InferenceBackend backend, BenchmarkRequest request, BenchmarkListener listener,
                               CancellationToken cancel)
            throws BackendException, CancellationToken.CancelledException {
        ProtocolSettings p = request.protocol();
        NetworkStats stats = NetworkStats.of(request.config());
        ArchitectureSpec spec = stats.spec();
        MemoryEstimate memory = MemoryGuard.estimate(stats, p.batch());
        Instant started = Instant.now();

        listener.phaseStarted(request, Phase.STARTUP);
        long t0 = nanoTime.getAsLong();
        try (PreparedNetwork net = backend.prepare(spec, p.weightSeed(), p.batch(), p.toBackendOptions())) {
            double startupMs = ms(nanoTime.getAsLong() - t0);
            cancel.throwIfCancelled();
            float[] input = seededInput(p.inputSeed(), p.batch() * spec.config().resolution()
                    * spec.config().resolution() * 3);
            int expectedOut = p.batch() * spec.config().classes();

            listener.phaseStarted(request, Phase.FIRST_INFERENCE);
            double firstMs = timeOne(net, input, expectedOut);
            listener.runFinished(request, Phase.FIRST_INFERENCE, 0, firstMs);
            cancel.throwIfCancelled();

            listener.phaseStarted(request, Phase.WARMUP);
            Loop warm = loop(request, Phase.WARMUP, net, input, expectedOut, p.warmupRuns(), p.warmupMinTimeMs(),
                    p.maxTimeMs(), listener, cancel);

            // as JMH's -gc true: collect the warm-up's garbage now rather than during measurement
            System.gc();
            listener.phaseStarted(request, Phase.MEASUREMENT);
            long[] gcBefore = gcCounts();
            Loop measured = loop(request, Phase.MEASUREMENT, net, input, expectedOut, p.minRuns(), p.minTimeMs(),
                    p.maxTimeMs(), listener, cancel);
            long[] gcAfter = gcCounts();
            GcActivity gc = new GcActivity(gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);

            LatencyStatistics st = LatencyStatistics.of(measured.samples);
            List<LayerProfile> layers = List.of();
            LayerProfileSummary summary = null;
            double profileMs = 0;
            if (p.profileRepeats() > 0) {
                listener.phaseStarted(request, Phase.PROFILE);
                long tp = nanoTime.getAsLong();
                List<LayerTiming> timings = net.profileLayers(input, p.profileRepeats());
                profileMs = ms(nanoTime.getAsLong() - tp);
                cancel.throwIfCancelled();
                if (!timings.isEmpty()) {
                    layers = layerProfiles(stats, timings, p.batch());
                    summary = summarize(layers, st.median(), p.profileRepeats(), p.batch());
                }
            }

            int threads = threadsUsed(net.settings(), p.toBackendOptions().effectiveThreads());
            long macs = stats.totals().macs();
            double gmac = macs * (double) p.batch() / (st.median() * 1e6);
            PeakEstimate peak = cpu.fmaPeak(threads);
            List<Double> samples = new ArrayList<>(measured.samples.length);
            for (double s : measured.samples) {
                samples.add(s);
            }
            PhaseTimes phases = new PhaseTimes(startupMs, firstMs, warm.samples.length,
                    warm.samples.length == 0 ? Double.NaN : LatencyStatistics.mean(warm.samples),
                    measured.samples.length, measured.wallMs, profileMs);
            Map<String, String> env = new LinkedHashMap<>(
                    EnvironmentProbe.capture(cpu, backend, threads, p.nativeVariant(), started));
            net.settings().forEach((k, v) -> env.put(EnvironmentProbe.SETTING_PREFIX + k, v));
            return BenchmarkResult.builder().id(resultId(started, request)).config(request.config())
                    .backend(backend.id()).environment(env).protocol(p).phases(phases).samplesMs(samples)
                    .throughputPerSec(p.batch() * 1000.0 / st.mean()).macsPerImage(macs).gmacPerSec(gmac)
                    .fmaPeak(peak).peakShare(gmac / peak.gmacPerSec()).gc(gc).memory(memory).layers(layers)
                    .layerSummary(summary).unstable(instability(st, gc, measured.cappedByMaxTime, p.maxTimeMs())).build();
        }
    }

    /** {@code 20261128T033000.123Z-onnxruntime-1.0-224-b1}, {@code ...-1.0-224-int8-b1} */
    static String resultId(Instant t, BenchmarkRequest r) {
        return ID_TIME.format(t) + "-" + r.backend() + "-" + r.config().label().replace(' ', '_')
                + Precisions.of(r).labelSuffix().replace(' ', '-') + "-b" + r.protocol().batch();
    }

    /** Uniform in [-1, 1), reproducible from the seed. */
    public static float[] seededInput(long seed, int length) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }

    private double timeOne(PreparedNetwork net, float[] input, int expectedOut) throws BackendException {
        long a = nanoTime.getAsLong();
        float[] out = net.run(input);
        long b = nanoTime.getAsLong();
        consume(out, expectedOut);
        return ms(b - a);
    }

    private void consume(float[] out, int expected) throws BackendException {
        if (out == null || out.length != expected) {
            throw new BackendException("the backend returned " + (out == null ? "no output" : out.length
                    + " values") + ", expected batch x classes = " + expected);
        }
        sink += Float.floatToRawIntBits(out[0]) ^ Float.floatToRawIntBits(out[out.length - 1]);
    }

    private record Loop(double[] samples, double wallMs, boolean cappedByMaxTime) {
    }

    /**
     * Runs until at least {@code minRuns} AND {@code minTimeMs}; no run starts after {@code maxTimeMs}, and at most
     * {@link ProtocolSettings#MAX_RUNS} runs are taken (a million samples are not cut short, so not flagged).
     */
    private Loop loop(BenchmarkRequest request, Phase phase, PreparedNetwork net, float[] input, int expectedOut,
                      int minRuns, long minTimeMs, long maxTimeMs, BenchmarkListener listener,
                      CancellationToken cancel) throws BackendException, CancellationToken.CancelledException {
        double[] samples = new double[Math.max(16, minRuns)];
        int n = 0;
        long start = nanoTime.getAsLong();
        long minEnd = start + minTimeMs * 1_000_000L;
        long maxEnd = start + maxTimeMs * 1_000_000L;
        long now = start;
        while ((n < minRuns || now < minEnd) && now < maxEnd && n < ProtocolSettings.MAX_RUNS) {
            double t = timeOne(net, input, expectedOut);
            if (n == samples.length) {
                samples = java.util.Arrays.copyOf(samples, n * 2);
            }
            samples[n] = t;
            listener.runFinished(request, phase, n, t);
            n++;
            cancel.throwIfCancelled();
            now = nanoTime.getAsLong();
        }
        boolean capped = (n < minRuns || now < minEnd) && n < ProtocolSettings.MAX_RUNS;
        return new Loop(java.util.Arrays.copyOf(samples, n), ms(now - start), capped);
    }

    /** The flags of measured statistics (also applied to the pooled samples of several forks). */
    static List<UnstableFlag> instability(LatencyStatistics st, GcActivity gc, boolean cappedByMaxTime,
                                          long maxTimeMs) {
        List<UnstableFlag> flags = new ArrayList<>();
        if (st.cv() > HIGH_CV) {
            flags.add(new UnstableFlag(Instability.HIGH_CV, st.cv(), HIGH_CV));
        }
        if (gc.collections() > 0) {
            flags.add(new UnstableFlag(Instability.GC_DURING_MEASUREMENT, gc.collections(), 0));
        }
        if (st.n() < FEW_RUNS) {
            flags.add(new UnstableFlag(Instability.TOO_FEW_RUNS, st.n(), FEW_RUNS));
        }
        if (cappedByMaxTime) {
            flags.add(new UnstableFlag(Instability.MAX_TIME_CAP, st.n(), maxTimeMs));
        }
        return flags;
    }

    /** Per-layer rows: median time beside MACs, in spec order; names not in the spec are an error. */
    static List<LayerProfile> layerProfiles(NetworkStats stats, List<LayerTiming> timings, int batch)
            throws BackendException {
        Map<String, LayerStats> byName = new HashMap<>();
        for (LayerStats s : stats.layers()) {
            byName.put(s.name(), s);
        }
        Map<String, Double> medians = new HashMap<>();
        double sum = 0;
        for (LayerTiming t : timings) {
            if (!byName.containsKey(t.layer())) {
                throw new BackendException("profile names layer '" + t.layer() + "', which is not in the spec");
            }
            if (t.samplesNs().isEmpty()) {
                continue;
            }
            double[] ms = t.samplesNs().stream().mapToDouble(v -> v / 1e6).toArray();
            double m = LatencyStatistics.median(ms);
            medians.merge(t.layer(), m, Double::sum);
            sum += m;
        }
        long totalMacs = stats.totals().macs();
        List<LayerProfile> rows = new ArrayList<>();
        for (LayerStats s : stats.layers()) {
            Double m = medians.get(s.name());
            if (m == null) {
                continue;
            }
            rows.add(new LayerProfile(s.name(), s.kind(), m, s.macs(), sum == 0 ? 0 : m / sum,
                    totalMacs == 0 ? 0 : s.macs() / (double) totalMacs,
                    m == 0 ? 0 : s.macs() * (double) batch / (m * 1e6)));
        }
        return rows;
    }

    /** By-kind totals and the comparison of the per-layer sum with the whole-network median. */
    static LayerProfileSummary summarize(List<LayerProfile> layers, double networkMedianMs, int repeats,
                                         int batch) {
        Map<LayerKind, double[]> acc = new EnumMap<>(LayerKind.class);
        double sum = 0;
        for (LayerProfile l : layers) {
            double[] a = acc.computeIfAbsent(l.kind(), k -> new double[4]);
            a[0]++;
            a[1] += l.medianMs();
            a[2] += l.macs();
            a[3] += l.macShare();
            sum += l.medianMs();
        }
        List<KindProfile> kinds = new ArrayList<>();
        for (var e : acc.entrySet()) {
            double[] a = e.getValue();
            kinds.add(new KindProfile(e.getKey(), (int) a[0], a[1], (long) a[2], sum == 0 ? 0 : a[1] / sum, a[3],
                    a[1] == 0 ? 0 : a[2] * (double) batch / (a[1] * 1e6)));
        }
        double diff = (sum - networkMedianMs) / networkMedianMs * 100;
        boolean ok = Math.abs(diff) <= LayerProfileSummary.TOLERANCE_PERCENT;
        return new LayerProfileSummary(repeats, sum, networkMedianMs, diff, ok, kinds);
    }

    private static long[] gcCounts() {
        long count = 0;
        long time = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            time += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, time};
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /**
     * The threads the network really runs on: a backend that chooses its own count (DL4J's auto rule) reports it as
     * the setting {@code threads}; otherwise the requested count. The FMA peak and the environment use this.
     */
    static int threadsUsed(Map<String, String> settings, int requested) {
        try {
            int t = Integer.parseInt(settings.getOrDefault("threads", ""));
            return t > 0 ? t : requested;
        } catch (NumberFormatException e) {
            return requested;
        }
    }
}
