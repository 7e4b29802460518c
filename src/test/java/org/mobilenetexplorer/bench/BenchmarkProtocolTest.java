package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;

/** The protocol's bounds, phases and derived figures, on a fake clock (exact, no sleeping). */
class BenchmarkProtocolTest {
    private static final CpuInfo CPU = new CpuInfo("Test CPU", 2, List.of("avx2", "fma", "sse2"), 2500);
    private static final MobileNetConfig TINY = new MobileNetConfig(0.25, 96);

    private final AtomicLong clock = new AtomicLong();
    private final InProcessRunner runner = new InProcessRunner(new BenchmarkProtocol(clock::get, CPU),
            id -> new FakeBackend(clock), false);

    private static ProtocolSettings settings(Map<String, String> fake) {
        return ProtocolSettings.DEFAULT.withBackendOptions(fake).withThreads(2);
    }

    private BenchmarkResult completed(ProtocolSettings p, BenchmarkListener l) {
        BenchmarkOutcome o = runner.run(new BenchmarkRequest(TINY, FakeBackend.ID, p), l, new CancellationToken());
        return assertInstanceOf(BenchmarkOutcome.Completed.class, o, o::toString).result();
    }

    @Test
    void minRunsDominateWhenRunsAreSlow() {
        ProtocolSettings p = settings(Map.of("runMs", "10")).withWarmup(0, 0).withMeasurement(20, 100, 10_000);
        BenchmarkResult r = completed(p, BenchmarkListener.NONE);
        assertEquals(20, r.latencyMs().n());
        assertEquals(10.0, r.latencyMs().median(), 1e-9);
        assertTrue(r.isStable(), r.unstable()::toString);
    }

    @Test
    void minTimeDominatesWhenRunsAreFast() {
        ProtocolSettings p = settings(Map.of("runMs", "10")).withWarmup(0, 0).withMeasurement(5, 500, 10_000);
        BenchmarkResult r = completed(p, BenchmarkListener.NONE);
        assertEquals(50, r.latencyMs().n());
        assertEquals(500.0, r.phases().measurementMs(), 1e-9);
    }

    @Test
    void maxTimeCapsBothMinimumsAndIsFlagged() {
        ProtocolSettings p = settings(Map.of("runMs", "10")).withWarmup(0, 0).withMeasurement(1000, 0, 300);
        BenchmarkResult r = completed(p, BenchmarkListener.NONE);
        assertEquals(30, r.latencyMs().n());
        assertEquals(List.of(Instability.MAX_TIME_CAP),
                r.unstable().stream().map(UnstableFlag::kind).toList());
        assertEquals(new UnstableFlag(Instability.MAX_TIME_CAP, 30, 300), r.unstable().get(0));
        assertTrue(ResultWords.reason(r, r.unstable().get(0)).startsWith("max time 300 ms reached after 30 run(s)"));
    }

    @Test
    void phasesAreReportedSeparately() {
        ProtocolSettings p = settings(Map.of("runMs", "4", "prepareMs", "250", "firstExtraMs", "96"))
                .withWarmup(3, 40).withMeasurement(10, 0, 10_000);
        Map<Phase, Integer> runs = new EnumMap<>(Phase.class);
        List<Phase> phases = new ArrayList<>();
        BenchmarkResult r = completed(p, new BenchmarkListener() {
            @Override
            public void phaseStarted(BenchmarkRequest request, Phase phase) {
                phases.add(phase);
            }

            @Override
            public void runFinished(BenchmarkRequest request, Phase phase, int index, double millis) {
                runs.merge(phase, 1, Integer::sum);
            }
        });
        assertEquals(List.of(Phase.STARTUP, Phase.FIRST_INFERENCE, Phase.WARMUP, Phase.MEASUREMENT), phases);
        assertEquals(250.0, r.phases().startupMs(), 1e-9);
        assertEquals(100.0, r.phases().firstInferenceMs(), 1e-9);
        assertEquals(10, r.phases().warmupRuns(), "3 runs are not 40 ms: warm-up goes on to 10 x 4 ms");
        assertEquals(4.0, r.phases().warmupMeanMs(), 1e-9);
        assertEquals(Map.of(Phase.FIRST_INFERENCE, 1, Phase.WARMUP, 10, Phase.MEASUREMENT, 10), runs);
        assertEquals(10, r.samplesMs().size());
        assertTrue(r.isStable(), "10 runs are enough: " + r.unstable());
    }

    @Test
    void threadsTheBackendChoseSetThePeakAndAreRecorded() {
        // threads = 2 requested, the backend runs on 1 (DL4J's auto rule): the peak is one thread's
        ProtocolSettings p = settings(Map.of("runMs", "5", "usesThreads", "1")).withWarmup(0, 0)
                .withMeasurement(12, 0, 10_000);
        BenchmarkResult r = completed(p, BenchmarkListener.NONE);
        assertEquals(40.0, r.fmaPeak().gmacPerSec(), 1e-9);
        assertTrue(ResultWords.method(r.fmaPeak()).contains("x 1 threads"), ResultWords.method(r.fmaPeak()));
        assertEquals("1", r.environment().get(EnvironmentProbe.THREADS));
        assertEquals("1", r.environment().get(EnvironmentProbe.SETTING_PREFIX + "threads"));
        assertEquals("fake", r.environment().get(EnvironmentProbe.SETTING_PREFIX + "graph"));
        assertEquals(2, BenchmarkProtocol.threadsUsed(Map.of("threads", "auto"), 2));
        assertEquals(2, BenchmarkProtocol.threadsUsed(Map.of(), 2));
    }

    @Test
    void derivedRatesFollowTheirDefinitions() {
        ProtocolSettings p = settings(Map.of("runMs", "5")).withBatch(4).withWarmup(1, 0).withMeasurement(12, 0, 10_000);
        BenchmarkResult r = completed(p, BenchmarkListener.NONE);
        long macs = NetworkStats.of(TINY).totals().macs();
        assertEquals(macs, r.macsPerImage());
        assertEquals(4 * 1000.0 / 5, r.throughputPerSec(), 1e-9);
        assertEquals(macs * 4 / 5e-3 / 1e9, r.gmacPerSec(), 1e-9);
        // 8 lanes x 2 FMA units x 2 threads x 2.5 GHz = 80 GMAC/s
        assertEquals(80.0, r.fmaPeak().gmacPerSec(), 1e-9);
        assertTrue(ResultWords.method(r.fmaPeak()).startsWith("estimate: 8 FP32 lanes (AVX2+FMA)"), ResultWords.method(r.fmaPeak()));
        assertEquals(r.gmacPerSec() / 80.0, r.peakShare(), 1e-12);
        assertEquals("fake", r.environment().get(EnvironmentProbe.BACKEND));
        assertEquals("0-test", r.environment().get(EnvironmentProbe.BACKEND_VERSION));
        assertEquals("none", r.environment().get(EnvironmentProbe.NATIVE_VARIANT));
        assertEquals("2", r.environment().get(EnvironmentProbe.THREADS));
        assertEquals("Test CPU", r.environment().get(EnvironmentProbe.CPU_MODEL));
        assertEquals("float32", r.environment().get(EnvironmentProbe.DATA_TYPE));
        assertTrue(r.id().endsWith("-fake-0.25-96-b4"), r.id());
        assertNull(r.layerSummary());
        assertTrue(r.layers().isEmpty());
    }

    @Test
    void highCvAndTooFewRunsAreFlagged() {
        // the first inference takes the first 1 ms, so the samples are 1,1,3,1,1,1,3,1: sd 0.926, mean 1.5
        ProtocolSettings p = settings(Map.of("runMsCycle", "1,1,1,3")).withWarmup(0, 0)
                .withMeasurement(8, 0, 10_000);
        BenchmarkResult r = completed(p, BenchmarkListener.NONE);
        assertEquals(List.of(Instability.HIGH_CV, Instability.TOO_FEW_RUNS),
                r.unstable().stream().map(UnstableFlag::kind).toList());
        assertEquals(r.latencyMs().cv(), r.unstable().get(0).value(), 1e-15);
        assertEquals(0.10, r.unstable().get(0).limit());
        assertEquals(new UnstableFlag(Instability.TOO_FEW_RUNS, 8, 10), r.unstable().get(1));
        String cv = ResultWords.reason(r, r.unstable().get(0));
        assertTrue(cv.startsWith("CV 61.7% > 10%"), cv);
        assertEquals("8 measured run(s) < 10: wide confidence interval", ResultWords.reason(r, r.unstable().get(1)));
    }

    @Test
    void layerProfileSharesAndMismatchNote() {
        ProtocolSettings p = settings(Map.of("runMs", "5")).withWarmup(0, 0).withMeasurement(12, 0, 10_000)
                .withProfileRepeats(10);
        BenchmarkResult r = completed(p, BenchmarkListener.NONE);
        NetworkStats stats = NetworkStats.of(TINY);
        assertEquals(stats.layers().size(), r.layers().size());
        assertEquals(1.0, r.layers().stream().mapToDouble(LayerProfile::timeShare).sum(), 1e-9);
        assertEquals(1.0, r.layers().stream().mapToDouble(LayerProfile::macShare).sum(), 1e-9);
        LayerProfile first = r.layers().get(0);
        assertEquals("Conv2d_0", first.name());
        assertEquals(2.0, first.medianMs(), 1e-12, "median of 1,2,3,1,2,3,1,2,3,1 ms");
        assertEquals(first.macs() / 2e-3 / 1e9, first.gmacPerSec(), 1e-9);
        LayerProfile softmax = r.layers().get(r.layers().size() - 1);
        assertEquals(LayerKind.SOFTMAX, softmax.kind());
        assertEquals(0.5, softmax.medianMs(), 1e-12);
        assertEquals(0, softmax.gmacPerSec());

        LayerProfileSummary s = r.layerSummary();
        double sum = 2.0 * (stats.layers().size() - 1) + 0.5;
        assertEquals(sum, s.layerSumMs(), 1e-9);
        assertEquals(5.0, s.networkMedianMs(), 1e-9);
        assertFalse(s.consistent());
        assertTrue(ResultWords.note(s).contains(": the layers add up to more than the network"), ResultWords.note(s));
        KindProfile dw = s.byKind().stream().filter(k -> k.kind() == LayerKind.DEPTHWISE).findFirst().orElseThrow();
        assertEquals(13, dw.layers());
        assertEquals(stats.share(LayerKind.DEPTHWISE).macShare(), dw.macShare(), 1e-12);
        assertEquals(26.0 / sum, dw.timeShare(), 1e-12);
        assertEquals(s.byKind().stream().mapToLong(KindProfile::macs).sum(), stats.totals().macs());
    }

    @Test
    void profileWithinToleranceIsConsistent() {
        List<LayerProfile> layers = List.of(
                new LayerProfile("a", LayerKind.CONV, 5.5, 100, 0.5, 0.5, 1),
                new LayerProfile("b", LayerKind.POINTWISE, 5.5, 100, 0.5, 0.5, 1));
        LayerProfileSummary s = BenchmarkProtocol.summarize(layers, 10.0, 5, 1);
        assertEquals(10.0, s.differencePercent(), 1e-9);
        assertTrue(s.consistent());
        assertTrue(ResultWords.note(s).endsWith("+10.0% (within 15%)"), ResultWords.note(s));
    }

    @Test
    void cancellationStopsBetweenRuns() {
        CancellationToken token = new CancellationToken();
        List<Integer> seen = new ArrayList<>();
        ProtocolSettings p = settings(Map.of("runMs", "1")).withWarmup(0, 0).withMeasurement(1000, 0, 100_000);
        BenchmarkOutcome o = runner.run(new BenchmarkRequest(TINY, FakeBackend.ID, p), new BenchmarkListener() {
            @Override
            public void runFinished(BenchmarkRequest request, Phase phase, int index, double millis) {
                if (phase == Phase.MEASUREMENT) {
                    seen.add(index);
                    if (index == 2) {
                        token.cancel();
                    }
                }
            }
        }, token);
        assertInstanceOf(BenchmarkOutcome.Cancelled.class, o);
        assertEquals(List.of(0, 1, 2), seen);
    }

    @Test
    void backendFailureBecomesAFailedOutcome() {
        List<String> failures = new ArrayList<>();
        List<BenchmarkOutcome> done = new ArrayList<>();
        ProtocolSettings p = settings(Map.of("fail", "throw", "failAt", "run:3"));
        BenchmarkOutcome o = runner.run(new BenchmarkRequest(TINY, FakeBackend.ID, p), new BenchmarkListener() {
            @Override
            public void failed(BenchmarkRequest request, String message) {
                failures.add(message);
            }

            @Override
            public void configurationDone(BenchmarkOutcome outcome) {
                done.add(outcome);
            }
        }, new CancellationToken());
        BenchmarkOutcome.Failed f = assertInstanceOf(BenchmarkOutcome.Failed.class, o);
        assertEquals("fake backend failure (as asked)", f.message());
        assertEquals(List.of(f.message()), failures);
        assertEquals(List.of(o), done);
    }

    @Test
    void seededInputIsReproducibleAndInRange() {
        float[] a = BenchmarkProtocol.seededInput(7, 1000);
        float[] b = BenchmarkProtocol.seededInput(7, 1000);
        assertTrue(java.util.Arrays.equals(a, b));
        for (float v : a) {
            assertTrue(v >= -1 && v < 1);
        }
        assertFalse(java.util.Arrays.equals(a, BenchmarkProtocol.seededInput(8, 1000)));
    }
}
