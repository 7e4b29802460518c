package org.mobilenetexplorer.ui.benchmark;

import java.time.Duration;
import java.util.List;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.BenchmarkListener;
import org.mobilenetexplorer.bench.BenchmarkOutcome;
import org.mobilenetexplorer.bench.BenchmarkRequest;
import org.mobilenetexplorer.bench.Phase;
import org.mobilenetexplorer.bench.ResultSaver;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.bench.SweepProgress;
import org.mobilenetexplorer.bench.SweepReport;
import org.mobilenetexplorer.ui.common.BackgroundTask;
import org.mobilenetexplorer.ui.common.Formats;

/**
 * The one adapter from the benchmark engine's listener to the view-model: a sweep as {@link BackgroundTask}
 * work that turns phases into the phase line, sweep progress into progress and ETA, each completed result into
 * a saved file (off the JavaFX thread) and a {@link BenchmarkUpdate.Measured}, each failure into a
 * {@link BenchmarkUpdate.Failure}. It never touches JavaFX: the executor delivers the updates; the engine never
 * sees the GUI.
 */
final class BenchmarkTask implements BackgroundTask.Work<SweepReport, BenchmarkUpdate>, BenchmarkListener {
    private final BenchmarkEngine engine;
    private final List<BenchmarkRequest> requests;
    private final ResultSaver saver;
    private volatile BackgroundTask.Reporter<BenchmarkUpdate> out;
    private volatile int done;
    private volatile String phase = "";
    private volatile String eta = "";
    private volatile double progress = -1;

    BenchmarkTask(BenchmarkEngine engine, List<BenchmarkRequest> requests, ResultStore store) {
        this.engine = engine;
        this.requests = List.copyOf(requests);
        this.saver = new ResultSaver(store, msg -> out.report(new BenchmarkUpdate.Failure(msg)));
    }

    @Override
    public SweepReport call(BackgroundTask.Reporter<BenchmarkUpdate> reporter) {
        out = reporter;
        status("Queued: " + requests.size() + " configuration" + (requests.size() == 1 ? "" : "s"), eta, -1);
        SweepReport report = engine.sweep(requests, this);
        status(report.cancelled() ? "Cancelled after " + report.results().size() + " of " + requests.size()
                : "Done: " + report.results().size() + " measured, " + report.failures().size() + " failed, in "
                + seconds(report.elapsed()), eta, 1);
        return report;
    }

    private void status(String phaseText, String etaText, double fraction) {
        phase = phaseText;
        eta = etaText;
        progress = fraction;
        out.report(new BenchmarkUpdate.Status(phaseText, etaText, fraction));
    }

    @Override
    public void phaseStarted(BenchmarkRequest request, Phase p) {
        status(request.label() + " (" + (done + 1) + "/" + requests.size() + "): " + describe(p), eta,
                (done + p.ordinal() / (double) Phase.values().length) / requests.size());
    }

    @Override
    public void runFinished(BenchmarkRequest request, Phase p, int index, double millis) {
        if (p == Phase.MEASUREMENT && index % 5 == 0) {
            status(request.label() + " (" + (done + 1) + "/" + requests.size() + "): measuring, run "
                    + (index + 1) + " took " + Formats.ms(millis), eta, progress);
        }
    }

    @Override
    public void configurationDone(BenchmarkOutcome outcome) {
        if (outcome instanceof BenchmarkOutcome.Completed c) {
            saver.configurationDone(c);
            out.report(new BenchmarkUpdate.Measured(c.result()));
        }
    }

    @Override
    public void failed(BenchmarkRequest request, String message) {
        out.report(new BenchmarkUpdate.Failure(request.label() + " failed: " + message));
    }

    @Override
    public void sweepProgress(SweepProgress p) {
        done = p.done();
        String left = p.remaining() == null || p.done() == p.total() ? "" : "about " + seconds(p.remaining()) + " left";
        status(phase, p.done() + " of " + p.total() + " done" + (p.failed() > 0 ? ", " + p.failed() + " failed" : "")
                + (left.isEmpty() ? "" : ", " + left), p.done() / (double) p.total());
    }

    static String describe(Phase phase) {
        return switch (phase) {
            case STARTUP -> "starting the worker JVM and the backend (native libraries load here: seconds)";
            case FIRST_INFERENCE -> "first inference";
            case WARMUP -> "warming up";
            case MEASUREMENT -> "measuring";
            case PROFILE -> "per-layer profile";
        };
    }

    private static String seconds(Duration d) {
        return d.toSeconds() >= 60 ? d.toMinutes() + " min " + d.toSecondsPart() + " s"
                : Formats.fixed(d.toMillis() / 1000.0, 1) + " s";
    }
}
