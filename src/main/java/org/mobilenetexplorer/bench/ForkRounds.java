package org.mobilenetexplorer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Runs a sweep in rounds: JMH's forks, with many benchmarks in each fork. Every request has F =
 * {@link ProtocolSettings#forks()} forks; round f runs fork f of every request still standing, all in one
 * {@link BenchmarkRunner#runAll} call (with a {@link ForkedRunner}: one worker JVM, a fresh network and session per
 * request), and afterwards each request's forks are combined ({@link Forks#combine}: samples pooled, the spread
 * between forks kept, the per-layer profile from the last fork). So F worker JVMs measure every network, instead of F
 * per network: a calibration of dozens of short benchmarks repeats each one in F processes for the cost of F JVM
 * starts, and a process that happens to run slow (a slower core, a worse memory placement) shifts one third of a
 * network's samples, not all of them. Each round starts at a different place in the list (rotated by {@code n / F}),
 * so no request always runs first after the worker's start or last.
 *
 * <p>The listener sees each fork's phases and runs under the original request, {@code forkStarted} before each,
 * {@code sweepProgress} after each fork (done and total count forks: F x requests), and one
 * {@code configurationDone} per request when all its forks are in. A failed fork fails its request (its later
 * forks are skipped); cancelling stops the round and the sweep, and the report then holds no outcome for the
 * requests whose forks were not all in.
 */
public final class ForkRounds {
    private final BenchmarkRunner runner;
    private final LongSupplier nanoTime;

    public ForkRounds(BenchmarkRunner runner) {
        this(runner, System::nanoTime);
    }

    public ForkRounds(BenchmarkRunner runner, LongSupplier nanoTime) {
        this.runner = runner instanceof ForkingRunner f ? f.oneFork() : runner;
        this.nanoTime = nanoTime;
    }

    /** Runs {@code requests} (all with the same number of forks) in rounds; see the class comment. */
    public SweepReport run(List<BenchmarkRequest> requests, BenchmarkListener listener, CancellationToken cancel) {
        long start = nanoTime.getAsLong();
        int n = requests.size();
        int forks = n == 0 ? 1 : requests.get(0).protocol().forks();
        for (BenchmarkRequest r : requests) {
            InvalidSettingException.check(r.protocol().forks() == forks, "forks", r.protocol().forks(),
                    "must be the same for every request of a sweep in rounds (" + forks + ")");
        }
        Tally tally = new Tally(n, forks, start, listener);
        boolean cancelled = false;
        for (int f = 0; f < forks && !cancelled; f++) {
            List<Integer> order = new ArrayList<>();
            int offset = n == 0 ? 0 : (int) ((long) f * n / forks);
            for (int k = 0; k < n; k++) {
                int i = (offset + k) % n;
                if (tally.failure[i] == null) {
                    order.add(i);
                }
            }
            List<BenchmarkRequest> batch = new ArrayList<>();
            Map<BenchmarkRequest, Integer> index = new IdentityHashMap<>();
            for (int i : order) {
                BenchmarkRequest b = forks == 1 ? requests.get(i) : Forks.forkRequest(requests.get(i), f);
                batch.add(b);
                index.put(b, i);
            }
            if (cancel.isCancelled()) {
                cancelled = true;
                break;
            }
            int round = f;
            // progress as each fork ends (a round in one worker takes minutes), and for any the runner did not report
            RoundListener listen = new RoundListener(batch, order.stream().map(requests::get).toList(), f, forks,
                    listener, (b, o) -> {
                        Integer i = index.get(b);
                        if (i != null) {
                            tally.ended(b, i, round, o, requests.get(i));
                        }
                    });
            List<BenchmarkOutcome> outcomes = runner.runAll(batch, listen, cancel);
            for (int k = 0; k < outcomes.size(); k++) {
                BenchmarkOutcome o = outcomes.get(k);
                if (o instanceof BenchmarkOutcome.Cancelled) {
                    cancelled = true;
                    break;
                }
                tally.ended(batch.get(k), order.get(k), f, o, requests.get(order.get(k)));
            }
            if (outcomes.size() < order.size()) {
                cancelled = true;
            }
        }
        List<List<BenchmarkResult>> results = tally.results;
        String[] failure = tally.failure;
        cancelled |= cancel.isCancelled();
        List<BenchmarkOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BenchmarkRequest r = requests.get(i);
            BenchmarkOutcome o;
            if (failure[i] != null) {
                listener.failed(r, failure[i]);
                o = new BenchmarkOutcome.Failed(r, failure[i]);
            } else if (results.get(i).size() < forks) {
                continue; // cancelled before all its forks were in
            } else if (forks == 1) {
                o = new BenchmarkOutcome.Completed(r, results.get(i).get(0));
            } else {
                try {
                    o = new BenchmarkOutcome.Completed(r, Forks.combine(r, results.get(i)));
                } catch (IllegalArgumentException e) {
                    String message = "cannot combine the forks: " + e.getMessage();
                    listener.failed(r, message);
                    o = new BenchmarkOutcome.Failed(r, message);
                }
            }
            listener.configurationDone(o);
            outcomes.add(o);
        }
        return new SweepReport(outcomes, n, cancelled, Duration.ofNanos(nanoTime.getAsLong() - start));
    }

    /** What the rounds measured so far, counted once per fork, with a progress report after each. */
    private final class Tally {
        final List<List<BenchmarkResult>> results = new ArrayList<>();
        final String[] failure;
        private final Set<BenchmarkRequest> counted = Collections.newSetFromMap(new IdentityHashMap<>());
        private final int forks;
        private final int total;
        private final long start;
        private final BenchmarkListener listener;
        private int done;
        private int failed;

        Tally(int n, int forks, long start, BenchmarkListener listener) {
            for (int i = 0; i < n; i++) {
                results.add(new ArrayList<>());
            }
            this.failure = new String[n];
            this.forks = forks;
            this.total = forks * n;
            this.start = start;
            this.listener = listener;
        }

        /** Fork {@code round} of request {@code i} (run as {@code batchRequest}) ended with {@code o}. */
        synchronized void ended(BenchmarkRequest batchRequest, int i, int round, BenchmarkOutcome o,
                                BenchmarkRequest original) {
            if (o instanceof BenchmarkOutcome.Cancelled || !counted.add(batchRequest)) {
                return;
            }
            if (o instanceof BenchmarkOutcome.Completed c) {
                results.get(i).add(c.result());
            } else if (o instanceof BenchmarkOutcome.Failed fail) {
                failure[i] = forks == 1 ? fail.message()
                        : "round " + (round + 1) + " of " + forks + ": " + fail.message();
                failed++;
                done += forks - round - 1; // its later forks will not run
            }
            done++;
            Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
            Duration eta = elapsed.dividedBy(done).multipliedBy(total - done);
            listener.sweepProgress(new SweepProgress(done, total, failed, elapsed, eta, original));
        }
    }

    /**
     * Passes the phases and runs of a round's batch on under the original requests, with a {@code forkStarted} before
     * each one's first event; the forks' own ends and failures are the rounds' to report.
     */
    private static final class RoundListener implements BenchmarkListener {
        private final Map<BenchmarkRequest, BenchmarkRequest> originals = new IdentityHashMap<>();
        private final Set<BenchmarkRequest> started = Collections.newSetFromMap(new IdentityHashMap<>());
        private final int fork;
        private final int forks;
        private final BenchmarkListener to;
        private final java.util.function.BiConsumer<BenchmarkRequest, BenchmarkOutcome> onEnd;

        RoundListener(List<BenchmarkRequest> batch, List<BenchmarkRequest> originals, int fork, int forks,
                      BenchmarkListener to, java.util.function.BiConsumer<BenchmarkRequest, BenchmarkOutcome> onEnd) {
            this.onEnd = onEnd;
            for (int k = 0; k < batch.size(); k++) {
                this.originals.put(batch.get(k), originals.get(k));
            }
            this.fork = fork;
            this.forks = forks;
            this.to = to;
        }

        private synchronized BenchmarkRequest original(BenchmarkRequest r) {
            BenchmarkRequest o = originals.getOrDefault(r, r);
            if (forks > 1 && started.add(r)) {
                to.forkStarted(o, fork, forks);
            }
            return o;
        }

        @Override
        public void phaseStarted(BenchmarkRequest r, Phase phase) {
            to.phaseStarted(original(r), phase);
        }

        @Override
        public void runFinished(BenchmarkRequest r, Phase phase, int index, double millis) {
            to.runFinished(original(r), phase, index, millis);
        }

        @Override
        public void configurationDone(BenchmarkOutcome outcome) {
            onEnd.accept(outcome.request(), outcome);
        }
    }
}
