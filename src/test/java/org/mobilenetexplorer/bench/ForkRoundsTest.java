package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.MobileNetConfig;

/** Rounds on a scripted runner: which fork runs when, what is pooled, what failure and cancellation leave. */
class ForkRoundsTest {
    private static final List<MobileNetConfig> CONFIGS = List.of(new MobileNetConfig(0.25, 96),
            new MobileNetConfig(0.5, 96), new MobileNetConfig(0.75, 96));

    private static List<BenchmarkRequest> requests(int forks) {
        return CONFIGS.stream().map(c -> new BenchmarkRequest(c, "fake", ProtocolSettings.DEFAULT
                .withProfileRepeats(10).withForks(forks))).toList();
    }

    /** Records each runAll call's batch; each fork's samples are its round (0, 1, 2) plus alpha. */
    private static final class Scripted implements BenchmarkRunner {
        final List<List<String>> batches = new ArrayList<>();
        final List<Integer> profiles = new ArrayList<>();
        String failLabel;
        int failRound = -1;
        int cancelAtCall = -1;
        boolean reportEnds;
        int calls;

        @Override
        public BenchmarkOutcome run(BenchmarkRequest request, BenchmarkListener listener, CancellationToken cancel) {
            calls++;
            if (calls == cancelAtCall) {
                return new BenchmarkOutcome.Cancelled(request);
            }
            int round = batches.size() - 1;
            listener.phaseStarted(request, Phase.MEASUREMENT);
            if (request.config().label().equals(failLabel) && round == failRound) {
                return new BenchmarkOutcome.Failed(request, "worker crashed");
            }
            double v = round + request.config().alpha();
            BenchmarkOutcome o = new BenchmarkOutcome.Completed(request,
                    TestResults.sample("r" + calls, request.config(), v, v, v));
            if (reportEnds) {
                listener.configurationDone(o); // as the real runners do, while the batch still runs
            }
            return o;
        }

        @Override
        public List<BenchmarkOutcome> runAll(List<BenchmarkRequest> batch, BenchmarkListener listener,
                                             CancellationToken cancel) {
            batches.add(batch.stream().map(r -> r.config().label()).toList());
            batch.forEach(r -> {
                assertEquals(1, r.protocol().forks(), "each fork runs one fork");
                profiles.add(r.protocol().profileRepeats());
            });
            return BenchmarkRunner.super.runAll(batch, listener, cancel);
        }
    }

    @Test
    void eachRoundRunsOneForkOfEveryRequestInOneBatchRotatedAndThePoolHasEveryFork() {
        Scripted runner = new Scripted();
        List<String> events = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        SweepReport report = new ForkRounds(runner).run(requests(3), new BenchmarkListener() {
            @Override
            public void forkStarted(BenchmarkRequest request, int index, int forks) {
                events.add(request.config().label() + " fork " + index + "/" + forks);
            }

            @Override
            public void configurationDone(BenchmarkOutcome outcome) {
                events.add("done " + outcome.request().config().label());
            }

            @Override
            public void sweepProgress(SweepProgress p) {
                progress.add(p.done() + "/" + p.total());
            }
        }, new CancellationToken());
        assertEquals(List.of(List.of("0.25-96", "0.5-96", "0.75-96"), List.of("0.5-96", "0.75-96", "0.25-96"),
                List.of("0.75-96", "0.25-96", "0.5-96")), runner.batches);
        // the per-layer profile runs in the last round only (Forks.forkRequest)
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 10, 10, 10), runner.profiles);
        assertEquals(List.of("1/9", "2/9", "3/9", "4/9", "5/9", "6/9", "7/9", "8/9", "9/9"), progress);
        assertEquals(List.of("0.25-96 fork 0/3", "0.5-96 fork 0/3", "0.75-96 fork 0/3", "0.5-96 fork 1/3",
                "0.75-96 fork 1/3", "0.25-96 fork 1/3", "0.75-96 fork 2/3", "0.25-96 fork 2/3", "0.5-96 fork 2/3",
                "done 0.25-96", "done 0.5-96", "done 0.75-96"), events);
        assertEquals(3, report.results().size());
        BenchmarkResult first = report.results().get(0);
        assertEquals(CONFIGS.get(0), first.config());
        assertEquals(List.of(0.25, 0.25, 0.25, 1.25, 1.25, 1.25, 2.25, 2.25, 2.25), first.samplesMs());
        assertEquals(3, first.forks().perFork().size());
        assertEquals(1.25, first.latencyMs().median(), 1e-12);
        assertTrue(!report.cancelled());
    }

    @Test
    void aFailedForkFailsItsRequestNamingTheRoundAndItsLaterForksAreSkipped() {
        Scripted runner = new Scripted();
        runner.failLabel = "0.5-96";
        runner.failRound = 0;
        List<String> failures = new ArrayList<>();
        SweepReport report = new ForkRounds(runner).run(requests(3), new BenchmarkListener() {
            @Override
            public void failed(BenchmarkRequest request, String message) {
                failures.add(request.config().label() + ": " + message);
            }
        }, new CancellationToken());
        assertEquals(List.of(List.of("0.25-96", "0.5-96", "0.75-96"), List.of("0.75-96", "0.25-96"),
                List.of("0.75-96", "0.25-96")), runner.batches);
        assertEquals(List.of("0.5-96: round 1 of 3: worker crashed"), failures);
        assertEquals(2, report.results().size());
        assertEquals(1, report.failures().size());
        assertEquals(3, report.outcomes().size());
    }

    @Test
    void cancellingMidRoundLeavesNoOutcomeForRequestsWithoutAllTheirForks() {
        Scripted runner = new Scripted();
        runner.cancelAtCall = 5; // round 2, second request
        SweepReport report = new ForkRounds(runner).run(requests(3), BenchmarkListener.NONE,
                new CancellationToken());
        assertTrue(report.cancelled());
        assertEquals(0, report.outcomes().size());
        assertEquals(2, runner.batches.size());
    }

    @Test
    void oneForkIsAPlainSweepThroughOneBatch() {
        Scripted runner = new Scripted();
        SweepReport report = new ForkRounds(runner).run(requests(1), BenchmarkListener.NONE, new CancellationToken());
        assertEquals(1, runner.batches.size());
        assertEquals(List.of(10, 10, 10), runner.profiles);
        assertEquals(List.of(0.25, 0.25, 0.25), report.results().get(0).samplesMs());
        assertEquals(null, report.results().get(0).forks());
    }

    @Test
    void requestsWithDifferentForkCountsAreRefused() {
        List<BenchmarkRequest> mixed = new ArrayList<>(requests(2));
        mixed.add(new BenchmarkRequest(CONFIGS.get(0), "fake", ProtocolSettings.DEFAULT.withForks(3)));
        InvalidSettingException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSettingException.class,
                () -> new ForkRounds(new Scripted()).run(mixed, BenchmarkListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().contains("forks"), e.getMessage());
    }

    @Test
    void progressIsReportedAsEachForkEndsNotWhenItsRoundEnds() {
        Scripted runner = new Scripted();
        runner.reportEnds = true;
        List<String> seen = new ArrayList<>();
        new ForkRounds(runner).run(requests(3), new BenchmarkListener() {
            @Override
            public void phaseStarted(BenchmarkRequest request, Phase phase) {
                seen.add("start " + request.config().label());
            }

            @Override
            public void sweepProgress(SweepProgress p) {
                seen.add(p.done() + "/" + p.total());
            }
        }, new CancellationToken());
        assertEquals(List.of("start 0.25-96", "1/9", "start 0.5-96", "2/9", "start 0.75-96", "3/9"),
                seen.subList(0, 6));
        assertEquals(18, seen.size(), "each fork counted once: " + seen);
    }
}
