package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.MobileNetConfig;

/** --forks with the fake backend on a fake clock: each fork its own runs, the spread between forks, the flags. */
class ForksTest {
    private static final MobileNetConfig TINY = new MobileNetConfig(0.25, 96);
    private static final CpuInfo CPU = new CpuInfo("Test CPU", 2, List.of("avx2", "fma", "sse2"), 2500);

    /** A runner whose fork i runs at runMs[i] (fake clock), in this JVM. */
    private static BenchmarkRunner forksAt(double... runMs) {
        AtomicLong clock = new AtomicLong();
        int[] fork = {0};
        return (request, listener, cancel) -> {
            double ms = runMs[fork[0]++];
            BenchmarkRequest r = new BenchmarkRequest(request.config(), request.backend(), request.protocol()
                    .withBackendOptions(Map.of("runMs", Double.toString(ms))));
            return new InProcessRunner(new BenchmarkProtocol(clock::get, CPU),
                    id -> new FakeBackend(clock), false).run(r, listener, cancel);
        };
    }

    private static BenchmarkRequest request(int forks, int profile) {
        return new BenchmarkRequest(TINY, FakeBackend.ID, ProtocolSettings.DEFAULT.withWarmup(1, 0)
                .withMeasurement(12, 0, 10_000).withProfileRepeats(profile).withForks(forks));
    }

    @Test
    void threeForksPoolTheirSamplesAndReportTheSpread() {
        List<String> events = new ArrayList<>();
        List<BenchmarkOutcome> done = new ArrayList<>();
        BenchmarkOutcome o = new ForkingRunner(forksAt(1.0, 1.5, 1.1)).run(request(3, 4), new BenchmarkListener() {
            @Override
            public void forkStarted(BenchmarkRequest r, int index, int forks) {
                events.add("fork " + index + "/" + forks);
            }

            @Override
            public void phaseStarted(BenchmarkRequest r, Phase phase) {
                if (phase == Phase.STARTUP || phase == Phase.PROFILE) {
                    events.add(phase.name());
                }
            }

            @Override
            public void configurationDone(BenchmarkOutcome outcome) {
                done.add(outcome);
            }
        }, new CancellationToken());
        BenchmarkResult r = assertInstanceOf(BenchmarkOutcome.Completed.class, o).result();
        assertEquals(List.of("fork 0/3", "STARTUP", "fork 1/3", "STARTUP", "fork 2/3", "STARTUP", "PROFILE"), events,
                "only the last fork profiles");
        assertEquals(List.of(o), done, "one configurationDone, with the combined result");

        assertEquals(3, r.protocol().forks());
        assertEquals(4, r.protocol().profileRepeats());
        assertEquals(36, r.samplesMs().size());
        assertEquals(36, r.latencyMs().n());
        ForkStatistics f = r.forks();
        assertEquals(List.of(1.0, 1.5, 1.1), f.perFork().stream().map(ForkSummary::medianMs).toList());
        assertEquals(12, f.perFork().get(1).runs());
        assertEquals(0.0, f.perFork().get(1).cv(), 1e-12, "within a fork every run takes the same time");
        assertEquals(1.0, f.ofMedians().min(), 1e-12);
        assertEquals(1.1, f.ofMedians().median(), 1e-12);
        assertEquals(1.5, f.ofMedians().max(), 1e-12);
        assertEquals(0.5, f.range(), 1e-12);
        double mean = (1.0 + 1.5 + 1.1) / 3;
        double sd = Math.sqrt(((1.0 - mean) * (1.0 - mean) + (1.5 - mean) * (1.5 - mean) + (1.1 - mean) * (1.1 - mean))
                / 2);
        assertEquals(sd / mean, f.ofMedians().cv(), 1e-12);
        // t(0.975, 2) = 4.302652729749464
        assertEquals(4.302652729749464 * sd / Math.sqrt(3), f.ofMedians().ci95().halfWidth(), 1e-9);
        assertEquals(1.1, r.latencyMs().median(), 1e-12, "the pooled median");
        assertEquals(3, r.phases().warmupRuns(), "one warm-up run per fork");
        assertEquals(36, r.phases().measuredRuns());
        assertTrue(!r.layers().isEmpty() && r.layerSummary() != null, "the last fork's profile");
        assertEquals(List.of(Instability.HIGH_CV, Instability.FORK_SPREAD),
                r.unstable().stream().map(UnstableFlag::kind).toList());
        UnstableFlag spread = r.unstable().get(1);
        assertEquals(f.ofMedians().cv(), spread.value(), 1e-15);
        assertEquals(ForkStatistics.HIGH_SPREAD, spread.limit());
        assertEquals(String.format(java.util.Locale.ROOT,
                "fork medians differ: between-fork CV %.1f%% > 10%% (medians 1.000..1.500 ms)", sd / mean * 100),
                ResultWords.reason(r, spread));
    }

    @Test
    void twoForksHaveNoConfidenceIntervalAndCloseForksNoSpreadFlag() {
        BenchmarkResult r = assertInstanceOf(BenchmarkOutcome.Completed.class, new ForkingRunner(forksAt(2.0, 2.02))
                .run(request(2, 0), BenchmarkListener.NONE, new CancellationToken())).result();
        assertNull(r.forks().ofMedians().ci95(), "undefined for n <= 2, as every CI");
        assertTrue(r.isStable(), r.unstable()::toString);
        assertEquals(24, r.samplesMs().size());
    }

    @Test
    void aForkCutShortByTheMaximumTimeFlagsTheResultWithItsOwnRunCount() {
        BenchmarkRequest capped = new BenchmarkRequest(TINY, FakeBackend.ID, ProtocolSettings.DEFAULT.withWarmup(0, 0)
                .withMeasurement(12, 0, 10).withForks(2));
        BenchmarkResult r = assertInstanceOf(BenchmarkOutcome.Completed.class, new ForkingRunner(forksAt(1.0, 2.0))
                .run(capped, BenchmarkListener.NONE, new CancellationToken())).result();
        assertEquals(List.of(10, 5), r.forks().perFork().stream().map(ForkSummary::runs).toList());
        UnstableFlag cap = r.unstable().stream().filter(u -> u.kind() == Instability.MAX_TIME_CAP).findFirst()
                .orElseThrow();
        assertEquals(new UnstableFlag(Instability.MAX_TIME_CAP, 10, 10), cap, "the first fork cut short");
        assertEquals("max time 10 ms reached after 10 run(s) (asked for >= 12 runs and >= 0 ms)",
                ResultWords.reason(r, cap));
    }

    @Test
    void oneForkPassesStraightThrough() {
        BenchmarkResult r = assertInstanceOf(BenchmarkOutcome.Completed.class, new ForkingRunner(forksAt(2.0))
                .run(request(1, 0), BenchmarkListener.NONE, new CancellationToken())).result();
        assertNull(r.forks());
        assertEquals(12, r.samplesMs().size());
    }

    @Test
    void aFailedForkFailsTheBenchmarkAndSaysWhichFork() {
        int[] n = {0};
        BenchmarkRunner secondFails = (request, listener, cancel) -> ++n[0] == 2
                ? new BenchmarkOutcome.Failed(request, "the worker crashed")
                : forksAt(1.0).run(request, listener, cancel);
        List<String> failures = new ArrayList<>();
        BenchmarkOutcome o = new ForkingRunner(secondFails).run(request(3, 0), new BenchmarkListener() {
            @Override
            public void failed(BenchmarkRequest r, String message) {
                failures.add(message);
            }
        }, new CancellationToken());
        assertEquals("fork 2 of 3: the worker crashed", assertInstanceOf(BenchmarkOutcome.Failed.class, o).message());
        assertEquals(List.of("fork 2 of 3: the worker crashed"), failures);
        assertEquals(2, n[0], "no third fork after a failure");
    }

    @Test
    void cancellingBetweenForksStops() {
        CancellationToken token = new CancellationToken();
        int[] n = {0};
        BenchmarkRunner cancelAfterFirst = (request, listener, cancel) -> {
            n[0]++;
            token.cancel();
            return forksAt(1.0).run(request, listener, new CancellationToken());
        };
        BenchmarkOutcome o = new ForkingRunner(cancelAfterFirst).run(request(3, 0), BenchmarkListener.NONE, token);
        assertInstanceOf(BenchmarkOutcome.Cancelled.class, o);
        assertEquals(1, n[0]);
    }

    @Test
    void aForkedResultRoundTripsAndItsForkMediansAreChecked(@TempDir java.nio.file.Path dir) throws Exception {
        BenchmarkResult r = assertInstanceOf(BenchmarkOutcome.Completed.class, new ForkingRunner(forksAt(1.0, 3.0))
                .run(request(2, 0), BenchmarkListener.NONE, new CancellationToken())).result();
        ResultStore store = new ResultStore(dir);
        java.nio.file.Path file = store.save(r);
        assertEquals(r, ResultStore.read(file));
        String json = java.nio.file.Files.readString(file);
        java.nio.file.Files.writeString(file, json.replaceFirst("\"medianMs\" : 3.0", "\"medianMs\" : 2.5"));
        ResultFileException e = org.junit.jupiter.api.Assertions.assertThrows(ResultFileException.class,
                () -> ResultStore.read(file));
        assertTrue(e.reason().startsWith("forks.perFork[1].medianMs = 2.5 does not match its 12 samples (median 3.0)"),
                e.reason());
    }
}
