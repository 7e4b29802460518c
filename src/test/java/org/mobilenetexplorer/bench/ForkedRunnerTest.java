package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.MobileNetConfig;

/** Real worker JVMs running the fake backend (found through the test META-INF/services). */
class ForkedRunnerTest {
    private static final MobileNetConfig TINY = new MobileNetConfig(0.25, 96);

    private final ForkedRunner runner = new ForkedRunner(ForkedRunner.currentJava(),
            FakeBackend.workerClassPath(), List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"),
            Duration.ofSeconds(60), Map.<String, String>of()::get);

    private static BenchmarkRequest request(Map<String, String> fake, int minRuns) {
        return new BenchmarkRequest(TINY, FakeBackend.ID, ProtocolSettings.DEFAULT.withBackendOptions(fake)
                .withWarmup(2, 0).withMeasurement(minRuns, 0, 10_000).withThreads(1));
    }

    @Test
    void workerMeasuresAndStreamsEvents() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        BenchmarkOutcome o = runner.run(request(Map.of("runMs", "1"), 12), new BenchmarkListener() {
            @Override
            public void phaseStarted(BenchmarkRequest r, Phase phase) {
                events.add(phase.name());
            }

            @Override
            public void runFinished(BenchmarkRequest r, Phase phase, int index, double millis) {
                events.add(phase.name().charAt(0) + "" + index);
            }
        }, new CancellationToken());
        BenchmarkResult r = assertInstanceOf(BenchmarkOutcome.Completed.class, o, o::toString).result();
        assertEquals(12, r.samplesMs().size());
        assertTrue(r.latencyMs().median() >= 1.0, "spins at least 1 ms: " + r.latencyMs());
        assertEquals(List.of("STARTUP", "FIRST_INFERENCE", "F0", "WARMUP", "W0", "W1", "MEASUREMENT", "M0", "M1",
                "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11"), events);
        // the worker's own JVM: -Xmx from the memory guard, not ours
        long heapMb = Long.parseLong(r.environment().get(EnvironmentProbe.MAX_HEAP_MB));
        long xmxMb = r.memory().workerHeapBytes() / (1024 * 1024);
        assertTrue(heapMb <= xmxMb && heapMb >= xmxMb * 0.8, heapMb + " MB vs -Xmx" + xmxMb + "m");
        assertEquals("1", r.environment().get(EnvironmentProbe.THREADS));
    }

    @Test
    void workerEnvironmentCarriesNativeSettings() {
        BenchmarkRequest r = new BenchmarkRequest(TINY, FakeBackend.ID,
                ProtocolSettings.DEFAULT.withThreads(3).withNativeVariant("avx2"));
        Map<String, String> env = runner.environment(r);
        assertEquals("3", env.get("OMP_NUM_THREADS"));
        assertEquals(FakeBackend.workerClassPath(), env.get("CLASSPATH"));
        assertEquals("3", env.get("OPENBLAS_NUM_THREADS"));
        assertEquals("PASSIVE", env.get("OMP_WAIT_POLICY"), "the default when the parent sets none");
        List<String> cmd = runner.command(r, MemoryGuard.estimate(
                org.mobilenetexplorer.model.NetworkStats.of(TINY), 1));
        assertTrue(cmd.contains("-D" + ForkedRunner.NATIVE_VARIANT_PROPERTY + "=avx2"), cmd::toString);
        assertTrue(cmd.stream().anyMatch(a -> a.startsWith("-Xmx")), cmd::toString);
        assertEquals(BenchmarkWorker.class.getName(), cmd.get(cmd.size() - 1));
    }

    @Test
    void theParentsWaitPolicyIsKept() {
        ForkedRunner spinning = new ForkedRunner(ForkedRunner.currentJava(), FakeBackend.workerClassPath(), List.of(),
                Duration.ofSeconds(60), Map.of("OMP_WAIT_POLICY", "ACTIVE")::get);
        BenchmarkRequest r = new BenchmarkRequest(TINY, FakeBackend.ID, ProtocolSettings.DEFAULT.withThreads(1));
        assertEquals("ACTIVE", spinning.environment(r).get("OMP_WAIT_POLICY"));
    }

    @Test
    void forksAreFreshWorkersAndTheirSpreadIsReported() {
        BenchmarkRequest r = new BenchmarkRequest(TINY, FakeBackend.ID, ProtocolSettings.DEFAULT
                .withBackendOptions(Map.of("runMs", "0.5")).withWarmup(1, 0).withMeasurement(4, 0, 10_000)
                .withThreads(1).withForks(2));
        List<Integer> forks = Collections.synchronizedList(new ArrayList<>());
        List<Phase> startups = Collections.synchronizedList(new ArrayList<>());
        BenchmarkOutcome o = new ForkingRunner(runner).run(r, new BenchmarkListener() {
            @Override
            public void forkStarted(BenchmarkRequest request, int index, int n) {
                forks.add(index);
            }

            @Override
            public void phaseStarted(BenchmarkRequest request, Phase phase) {
                if (phase == Phase.STARTUP) {
                    startups.add(phase);
                }
            }
        }, new CancellationToken());
        BenchmarkResult result = assertInstanceOf(BenchmarkOutcome.Completed.class, o, o::toString).result();
        assertEquals(List.of(0, 1), forks);
        assertEquals(2, startups.size(), "one worker start-up per fork");
        assertEquals(8, result.samplesMs().size());
        assertEquals(2, result.forks().count());
        assertEquals(2, result.protocol().forks());
        for (ForkSummary f : result.forks().perFork()) {
            assertEquals(4, f.runs());
            assertTrue(f.startupMs() > 0, "each fork starts its own backend");
        }
    }

    @Test
    void aHaltedWorkerIsAFailureAndTheCallerGoesOn() {
        BenchmarkOutcome o = runner.run(request(Map.of("fail", "halt", "failAt", "run:2"), 5),
                BenchmarkListener.NONE, new CancellationToken());
        BenchmarkOutcome.Failed f = assertInstanceOf(BenchmarkOutcome.Failed.class, o, o::toString);
        assertTrue(f.message().startsWith("the worker crashed: killed by signal 6 (exit code 134, SIGABRT"),
                f.message());
        // the next benchmark runs normally
        assertInstanceOf(BenchmarkOutcome.Completed.class,
                runner.run(request(Map.of("runMs", "0.2"), 3), BenchmarkListener.NONE, new CancellationToken()));
    }

    @Test
    void anOutOfMemoryWorkerIsAFailure() {
        BenchmarkOutcome o = runner.run(request(Map.of("fail", "oom", "failAt", "prepare"), 5),
                BenchmarkListener.NONE, new CancellationToken());
        BenchmarkOutcome.Failed f = assertInstanceOf(BenchmarkOutcome.Failed.class, o, o::toString);
        assertTrue(f.message().startsWith("the worker ran out of memory (-Xmx"), f.message());
    }

    @Test
    void aBackendExceptionKeepsItsMessage() {
        BenchmarkOutcome o = runner.run(request(Map.of("fail", "throw"), 5), BenchmarkListener.NONE,
                new CancellationToken());
        assertEquals("fake backend failure (as asked)",
                assertInstanceOf(BenchmarkOutcome.Failed.class, o, o::toString).message());
    }

    @Test
    void cancellingKillsTheWorker() throws Exception {
        CancellationToken token = new CancellationToken();
        CountDownLatch measuring = new CountDownLatch(1);
        CompletableFuture<BenchmarkOutcome> f = CompletableFuture.supplyAsync(() ->
                runner.run(new BenchmarkRequest(TINY, FakeBackend.ID, ProtocolSettings.DEFAULT
                        .withBackendOptions(Map.of("runMs", "5")).withWarmup(0, 0)
                        .withMeasurement(1_000_000, 0, 600_000).withThreads(1)), new BenchmarkListener() {
                            @Override
                            public void phaseStarted(BenchmarkRequest r, Phase phase) {
                                if (phase == Phase.MEASUREMENT) {
                                    measuring.countDown();
                                }
                            }
                        }, token));
        assertTrue(measuring.await(60, TimeUnit.SECONDS));
        long t = System.nanoTime();
        token.cancel();
        BenchmarkOutcome o = f.get(30, TimeUnit.SECONDS);
        assertInstanceOf(BenchmarkOutcome.Cancelled.class, o, o::toString);
        assertTrue(System.nanoTime() - t < 10_000_000_000L, "cancelled promptly");
    }

    @Test
    void aHangingWorkerTimesOut() {
        ForkedRunner quick = new ForkedRunner(ForkedRunner.currentJava(), FakeBackend.workerClassPath(),
                List.of("-XX:TieredStopAtLevel=1"), Duration.ofSeconds(3));
        BenchmarkRequest r = new BenchmarkRequest(TINY, FakeBackend.ID, ProtocolSettings.DEFAULT
                .withBackendOptions(Map.of("fail", "hang", "failAt", "prepare")).withMeasurement(1, 0, 1));
        assertEquals(Duration.ofMillis(3_003), quick.timeout(r.protocol()));
        BenchmarkOutcome o = quick.run(r, BenchmarkListener.NONE, new CancellationToken());
        assertTrue(assertInstanceOf(BenchmarkOutcome.Failed.class, o, o::toString).message()
                .startsWith("the worker timed out after 3 s and was killed"));
    }

    @Test
    void aNativeVariantTheBackendCannotLoadIsRefusedBeforeForking() {
        BenchmarkOutcome o = runner.run(new BenchmarkRequest(TINY, FakeBackend.ID,
                ProtocolSettings.DEFAULT.withNativeVariant("avx2")), BenchmarkListener.NONE, new CancellationToken());
        assertEquals("native variant avx2: backend fake has no selectable native variants",
                assertInstanceOf(BenchmarkOutcome.Failed.class, o).message());
    }

    @Test
    void theMemoryGuardRefusesBeforeForking() {
        BenchmarkRequest huge = new BenchmarkRequest(new MobileNetConfig(4.0, 2048), FakeBackend.ID,
                ProtocolSettings.DEFAULT.withBatch(4096));
        BenchmarkOutcome o = runner.run(huge, BenchmarkListener.NONE, new CancellationToken());
        String m = assertInstanceOf(BenchmarkOutcome.Failed.class, o).message();
        assertTrue(m.startsWith("4.0-2048 on fake (batch 4096) needs about "), m);
        assertTrue(m.endsWith("use a smaller batch, alpha or resolution"), m);
    }

    private static BenchmarkRequest counted(MobileNetConfig config, String fail) {
        Map<String, String> options = fail.isEmpty() ? Map.of("runMs", "1", "countPrepares", "yes")
                : Map.of("runMs", "1", "countPrepares", "yes", "fail", fail);
        return new BenchmarkRequest(config, FakeBackend.ID, ProtocolSettings.DEFAULT.withBackendOptions(options)
                .withWarmup(1, 0).withMeasurement(5, 0, 10_000).withThreads(1));
    }

    private static int preparedInItsJvm(BenchmarkOutcome o) {
        BenchmarkResult r = assertInstanceOf(BenchmarkOutcome.Completed.class, o, o::toString).result();
        return Integer.parseInt(r.environment().get(EnvironmentProbe.SETTING_PREFIX + "preparedInThisJvm"));
    }

    @Test
    void runAllRunsEveryRequestInOneWorkerAfterAPrimingRun() {
        List<BenchmarkRequest> requests = List.of(counted(TINY, ""), counted(new MobileNetConfig(0.5, 96), ""),
                counted(new MobileNetConfig(0.75, 96), ""));
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<BenchmarkOutcome> outcomes = runner.runAll(requests, new BenchmarkListener() {
            @Override
            public void phaseStarted(BenchmarkRequest r, Phase phase) {
                if (phase == Phase.STARTUP) {
                    events.add(r.config().label());
                }
            }

            @Override
            public void configurationDone(BenchmarkOutcome o) {
                events.add("done " + o.request().config().label());
            }
        }, new CancellationToken());
        assertEquals(3, outcomes.size());
        // the priming run prepared the first network once before the first measured one, in the same JVM
        assertEquals(List.of(2, 3, 4), outcomes.stream().map(ForkedRunnerTest::preparedInItsJvm).toList());
        assertEquals(List.of("0.25-96", "done 0.25-96", "0.5-96", "done 0.5-96", "0.75-96", "done 0.75-96"), events);
        for (int i = 0; i < 3; i++) {
            assertEquals(requests.get(i), outcomes.get(i).request());
            assertEquals(5, ((BenchmarkOutcome.Completed) outcomes.get(i)).result().samplesMs().size());
        }
    }

    @Test
    void aWorkerCrashFailsTheRequestItRanAndTheRestRunInANewWorker() {
        List<BenchmarkRequest> requests = List.of(counted(TINY, ""), counted(new MobileNetConfig(0.5, 96), "halt"),
                counted(new MobileNetConfig(0.75, 96), ""));
        List<BenchmarkOutcome> outcomes = runner.runAll(requests, BenchmarkListener.NONE, new CancellationToken());
        assertEquals(3, outcomes.size());
        assertEquals(2, preparedInItsJvm(outcomes.get(0)));
        String m = assertInstanceOf(BenchmarkOutcome.Failed.class, outcomes.get(1)).message();
        assertTrue(m.startsWith("the worker crashed: killed by signal 6 (exit code 134"), m);
        assertEquals(2, preparedInItsJvm(outcomes.get(2)), "a new worker, primed again");
    }

    @Test
    void cancellingABatchKillsItsWorkerAndEndsTheListWithCancelled() throws Exception {
        CancellationToken token = new CancellationToken();
        CountDownLatch second = new CountDownLatch(1);
        BenchmarkRequest slow = new BenchmarkRequest(new MobileNetConfig(0.5, 96), FakeBackend.ID,
                ProtocolSettings.DEFAULT.withBackendOptions(Map.of("runMs", "5")).withWarmup(0, 0)
                        .withMeasurement(1_000_000, 0, 600_000).withThreads(1));
        BenchmarkRequest quick = new BenchmarkRequest(TINY, FakeBackend.ID, slow.protocol()
                .withMeasurement(3, 0, 10_000));
        CompletableFuture<List<BenchmarkOutcome>> f = CompletableFuture.supplyAsync(() ->
                runner.runAll(List.of(quick, slow, quick), new BenchmarkListener() {
                    @Override
                    public void phaseStarted(BenchmarkRequest r, Phase phase) {
                        if (r == slow && phase == Phase.MEASUREMENT) {
                            second.countDown();
                        }
                    }
                }, token));
        assertTrue(second.await(60, TimeUnit.SECONDS));
        token.cancel();
        List<BenchmarkOutcome> outcomes = f.get(30, TimeUnit.SECONDS);
        assertEquals(2, outcomes.size());
        assertInstanceOf(BenchmarkOutcome.Completed.class, outcomes.get(0));
        assertInstanceOf(BenchmarkOutcome.Cancelled.class, outcomes.get(1));
    }
}
