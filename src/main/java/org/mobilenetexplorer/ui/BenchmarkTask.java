package org.mobilenetexplorer.ui;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.BenchmarkListener;
import org.mobilenetexplorer.bench.BenchmarkOutcome;
import org.mobilenetexplorer.bench.BenchmarkRequest;
import org.mobilenetexplorer.bench.Phase;
import org.mobilenetexplorer.bench.ResultSaver;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.bench.SweepProgress;
import org.mobilenetexplorer.bench.SweepReport;

/**
 * The one adapter from the benchmark engine's listener to a JavaFX {@link Task}: phase as the message, progress
 * over the sweep (each configuration split by its phases), ETA in the title, cancel forwarded to the engine.
 * Each completed result is saved to the results store at once (off the JavaFX thread) and handed to
 * {@code onResult} on the JavaFX thread; each failure to {@code onFailure}. The engine never sees JavaFX.
 */
final class BenchmarkTask extends Task<SweepReport> implements BenchmarkListener {
    private final BenchmarkEngine engine;
    private final List<BenchmarkRequest> requests;
    private final ResultStore store;
    private final Consumer<org.mobilenetexplorer.bench.BenchmarkResult> onResult;
    private final Consumer<String> onFailure;
    private volatile int done;
    private volatile String eta = "";

    BenchmarkTask(BenchmarkEngine engine, List<BenchmarkRequest> requests, ResultStore store,
                  Consumer<org.mobilenetexplorer.bench.BenchmarkResult> onResult, Consumer<String> onFailure) {
        this.engine = engine;
        this.requests = List.copyOf(requests);
        this.store = store;
        this.onResult = onResult;
        this.onFailure = onFailure;
        updateTitle("");
    }

    @Override
    protected SweepReport call() {
        updateMessage("Queued: " + requests.size() + " configuration" + (requests.size() == 1 ? "" : "s"));
        updateProgress(-1, 1);
        SweepReport report = engine.sweep(requests, this);
        updateMessage(report.cancelled() ? "Cancelled after " + report.results().size() + " of " + requests.size()
                : "Done: " + report.results().size() + " measured, " + report.failures().size() + " failed, in "
                + seconds(report.elapsed()));
        updateProgress(1, 1);
        return report;
    }

    @Override
    protected void cancelled() {
        engine.cancel();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        engine.cancel();
        return super.cancel(false);
    }

    @Override
    public void phaseStarted(BenchmarkRequest request, Phase phase) {
        updateMessage(request.label() + " (" + (done + 1) + "/" + requests.size() + "): " + describe(phase));
        updateProgress(done + phase.ordinal() / (double) Phase.values().length, requests.size());
    }

    @Override
    public void runFinished(BenchmarkRequest request, Phase phase, int index, double millis) {
        if (phase == Phase.MEASUREMENT && index % 5 == 0) {
            updateMessage(request.label() + " (" + (done + 1) + "/" + requests.size() + "): measuring, run "
                    + (index + 1) + " took " + Formats.ms(millis));
        }
    }

    @Override
    public void configurationDone(BenchmarkOutcome outcome) {
        if (outcome instanceof BenchmarkOutcome.Completed c) {
            new ResultSaver(store, msg -> Platform.runLater(() -> onFailure.accept(msg))).configurationDone(c);
            Platform.runLater(() -> onResult.accept(c.result()));
        }
    }

    @Override
    public void failed(BenchmarkRequest request, String message) {
        Platform.runLater(() -> onFailure.accept(request.label() + " failed: " + message));
    }

    @Override
    public void sweepProgress(SweepProgress p) {
        done = p.done();
        eta = p.remaining() == null || p.done() == p.total() ? "" : "about " + seconds(p.remaining()) + " left";
        updateTitle(p.done() + " of " + p.total() + " done" + (p.failed() > 0 ? ", " + p.failed() + " failed" : "")
                + (eta.isEmpty() ? "" : ", " + eta));
        updateProgress(p.done(), p.total());
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
