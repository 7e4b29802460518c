package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.MobileNetConfig;

class SweepAndEngineTest {
    private static final CpuInfo CPU = new CpuInfo("Test CPU", 2, List.of("sse2"), 2000);
    private final AtomicLong clock = new AtomicLong();
    private final InProcessRunner runner = new InProcessRunner(new BenchmarkProtocol(clock::get, CPU),
            id -> new FakeBackend(clock), false);

    private static BenchmarkRequest req(double alpha, Map<String, String> fake) {
        return new BenchmarkRequest(new MobileNetConfig(alpha, 96), FakeBackend.ID, ProtocolSettings.DEFAULT
                .withBackendOptions(fake).withWarmup(0, 0).withMeasurement(10, 0, 10_000));
    }

    @Test
    void aFailureIsReportedAndTheSweepGoesOnWithProgressAndEta() {
        List<SweepProgress> progress = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        SweepReport report = new SweepRunner(runner, clock::get).run(List.of(
                req(0.25, Map.of("runMs", "10")),
                req(0.5, Map.of("fail", "throw")),
                req(0.75, Map.of("runMs", "10")),
                req(1.0, Map.of("runMs", "10"))), new BenchmarkListener() {
                    @Override
                    public void sweepProgress(SweepProgress p) {
                        progress.add(p);
                    }

                    @Override
                    public void failed(BenchmarkRequest request, String message) {
                        failures.add(request.config().label() + ": " + message);
                    }
                }, new CancellationToken());
        assertEquals(4, report.outcomes().size());
        assertEquals(3, report.results().size());
        assertEquals(List.of("0.5-96: fake backend failure (as asked)"), failures);
        assertFalse(report.cancelled());
        assertEquals(List.of(1, 2, 3, 4), progress.stream().map(SweepProgress::done).toList());
        assertEquals(1, progress.get(1).failed());
        // the first benchmark took 11 runs x 10 ms = 110 ms of fake time: ETA = 110 ms x 3 left
        assertEquals(Duration.ofMillis(110), progress.get(0).elapsed());
        assertEquals(Duration.ofMillis(330), progress.get(0).remaining());
        assertEquals(Duration.ZERO, progress.get(3).remaining());
        assertEquals(1.0, progress.get(3).fraction());
    }

    @Test
    void cancellingASweepStopsItAndKeepsFinishedResults() {
        CancellationToken token = new CancellationToken();
        AtomicInteger done = new AtomicInteger();
        SweepReport report = new SweepRunner(runner, clock::get).run(List.of(
                req(0.25, Map.of()), req(0.5, Map.of()), req(0.75, Map.of())), new BenchmarkListener() {
                    @Override
                    public void runFinished(BenchmarkRequest r, Phase phase, int index, double millis) {
                        if (r.config().alpha() == 0.5 && phase == Phase.MEASUREMENT && index == 3) {
                            token.cancel();
                        }
                    }

                    @Override
                    public void configurationDone(BenchmarkOutcome o) {
                        done.incrementAndGet();
                    }
                }, token);
        assertTrue(report.cancelled());
        assertEquals(1, report.results().size());
        assertEquals(0.25, report.results().get(0).config().alpha());
        assertEquals(2, done.get(), "the first completed, the second was cancelled, the third never started");
    }

    @Test
    void theEngineRunsBenchmarksStrictlyOneAtATime() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        BenchmarkRunner slow = (request, listener, cancel) -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return new BenchmarkOutcome.Cancelled(request);
        };
        try (BenchmarkEngine engine = new BenchmarkEngine(slow)) {
            List<CompletableFuture<?>> all = Collections.synchronizedList(new ArrayList<>());
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                all.add(engine.submit(req(0.25, Map.of()), BenchmarkListener.NONE));
                Thread t = new Thread(() -> engine.run(req(0.5, Map.of()), BenchmarkListener.NONE));
                callers.add(t);
                t.start();
            }
            for (CompletableFuture<?> f : all) {
                f.get(10, TimeUnit.SECONDS);
            }
            for (Thread t : callers) {
                t.join(10_000);
            }
        }
        assertEquals(1, maxRunning.get());
    }

    @Test
    void engineCancelStopsTheRunningBenchmark() throws Exception {
        try (BenchmarkEngine engine = new BenchmarkEngine(new InProcessRunner(new BenchmarkProtocol(), id ->
                new FakeBackend(), false))) {
            java.util.concurrent.CountDownLatch measuring = new java.util.concurrent.CountDownLatch(1);
            CompletableFuture<BenchmarkOutcome> f = engine.submit(new BenchmarkRequest(new MobileNetConfig(0.25, 96),
                    FakeBackend.ID, ProtocolSettings.DEFAULT.withBackendOptions(Map.of("runMs", "1"))
                    .withWarmup(0, 0).withMeasurement(1_000_000, 0, 600_000)), new BenchmarkListener() {
                        @Override
                        public void phaseStarted(BenchmarkRequest r, Phase phase) {
                            if (phase == Phase.MEASUREMENT) {
                                measuring.countDown();
                            }
                        }
                    });
            assertTrue(measuring.await(10, TimeUnit.SECONDS));
            engine.cancel();
            assertInstanceOf(BenchmarkOutcome.Cancelled.class, f.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void compositeFansOutInOrder() {
        List<String> seen = new ArrayList<>();
        BenchmarkListener a = new BenchmarkListener() {
            @Override
            public void phaseStarted(BenchmarkRequest r, Phase p) {
                seen.add("a" + p);
            }
        };
        BenchmarkListener b = new BenchmarkListener() {
            @Override
            public void phaseStarted(BenchmarkRequest r, Phase p) {
                seen.add("b" + p);
            }
        };
        BenchmarkListener.composite(a, b).phaseStarted(req(1, Map.of()), Phase.WARMUP);
        assertEquals(List.of("aWARMUP", "bWARMUP"), seen);
    }
}
