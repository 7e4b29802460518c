package org.mobilenetexplorer.ui.explore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.BenchmarkListener;
import org.mobilenetexplorer.bench.SweepProgress;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.predict.CalibrationGrid;
import org.mobilenetexplorer.predict.Calibrator;
import org.mobilenetexplorer.predict.DeviceProfile;
import org.mobilenetexplorer.predict.DeviceProfiles;
import org.mobilenetexplorer.predict.LatencyFitter;
import org.mobilenetexplorer.predict.LatencyModel;
import org.mobilenetexplorer.predict.Precision;
import org.mobilenetexplorer.predict.Prediction;
import org.mobilenetexplorer.predict.PredictionRefusedException;
import org.mobilenetexplorer.predict.ProfileException;
import org.mobilenetexplorer.ui.common.BackgroundTask;
import org.mobilenetexplorer.ui.common.TaskExecutor;

/**
 * The predicted latency under Explore's sliders: "3.1 ms +- 0.2 predicted on this machine, profile of 2026-11-30".
 * The device profile of the chosen backend (FP32) is read and fitted off the JavaFX thread whenever the results
 * folder or the backend changes; a prediction then is pure arithmetic (microseconds), so the text follows the
 * sliders synchronously. Without a profile the view offers to calibrate: {@code calibrate}'s grid as a
 * {@link BackgroundTask} with progress and cancel, the profile written atomically at the end (a cancelled or failed
 * calibration writes nothing).
 */
public final class PredictedLatencyViewModel {
    /** The date of a profile as the label shows it (the profile's own instant, in the local zone). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final ObservableValue<MobileNetConfig> config;
    private final ObservableValue<Path> resultsDir;
    private final ObservableValue<String> backend;
    private final TaskExecutor executor;
    private final BenchmarkEngine engine;
    private final ZoneId zone;

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper canCalibrate = new ReadOnlyBooleanWrapper(this, "canCalibrate");
    private final ReadOnlyBooleanWrapper calibrating = new ReadOnlyBooleanWrapper(this, "calibrating");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");

    private LatencyModel model;
    private String missing = "";
    private int loadGeneration;
    private BackgroundTask<?, ?> calibration;

    /**
     * @param config     the configuration the sliders describe
     * @param resultsDir the results folder (profiles in its {@code device-profiles/})
     * @param backend    the backend id chosen in the configuration panel
     * @param executor   runs loading and calibration off the JavaFX thread
     * @param engine     the benchmark engine calibration runs through (cancelled by {@link #cancel()})
     * @param zone       the zone the profile's date is shown in
     */
    public PredictedLatencyViewModel(ObservableValue<MobileNetConfig> config, ObservableValue<Path> resultsDir,
                                     ObservableValue<String> backend, TaskExecutor executor, BenchmarkEngine engine,
                                     ZoneId zone) {
        this.config = config;
        this.resultsDir = resultsDir;
        this.backend = backend;
        this.executor = executor;
        this.engine = engine;
        this.zone = zone;
        config.addListener((o, a, c) -> update());
        resultsDir.addListener((o, a, d) -> reload());
        backend.addListener((o, a, b) -> reload());
        reload();
    }

    /** Reads and fits the profile of the current backend in the background, then updates the text. */
    public void reload() {
        int generation = ++loadGeneration;
        Path file = profileFile();
        model = null;
        missing = "";
        text.set("Predicted latency: reading the " + backend.getValue() + " device profile...");
        canCalibrate.set(false);
        executor.execute(BackgroundTask.of(() -> Files.exists(file) ? LatencyFitter.fit(DeviceProfiles.read(file))
                        : null)
                .onSuccess(m -> {
                    if (generation == loadGeneration) {
                        loaded(m, m == null ? "no " + backend.getValue() + " device profile on this machine yet"
                                : "");
                    }
                })
                .onFailure(e -> {
                    if (generation == loadGeneration) {
                        loaded(null, e instanceof ProfileException ? e.getMessage() : "cannot read the device "
                                + "profile " + file + ": " + e.getMessage());
                    }
                }));
    }

    private void loaded(LatencyModel m, String reason) {
        model = m;
        missing = reason;
        update();
    }

    private Path profileFile() {
        return DeviceProfiles.file(resultsDir.getValue(), backend.getValue(), Precision.FP32);
    }

    /** The label's text for the current configuration (synchronous: a prediction takes microseconds). */
    void update() {
        MobileNetConfig c = config.getValue();
        if (model == null) {
            if (!missing.isEmpty()) {
                text.set("No predicted latency: " + missing + ".");
                canCalibrate.set(!calibrating.get());
            }
            return;
        }
        canCalibrate.set(false);
        try {
            text.set(label(model.predict(c), model, zone));
        } catch (PredictionRefusedException e) {
            boolean family = !model.profile().grid().families().contains(c.family());
            text.set(family ? "No predicted latency: the " + backend.getValue() + " profile of " + date(model, zone)
                    + " has no " + c.family().id() + " networks (calibrate again to add them)."
                    : "No predicted latency: " + e.getMessage());
            canCalibrate.set(family && !calibrating.get());
        }
    }

    /**
     * {@code 3.1 ms +- 0.2 predicted on this machine, profile of 2026-11-30}; "(extrapolated)" when the
     * configuration lies outside the calibration grid's range, where the band does not hold.
     */
    static String label(Prediction p, LatencyModel m, ZoneId zone) {
        double ms = p.predictedMs();
        double band = ms * p.bandPercent() / 100;
        String number = ms >= 10 ? String.format(Locale.ROOT, "%.0f ms +- %.0f", ms, band)
                : ms >= 1 ? String.format(Locale.ROOT, "%.1f ms +- %.1f", ms, band)
                : String.format(Locale.ROOT, "%.2f ms +- %.2f", ms, band);
        return number + " predicted on this machine (" + m.profile().backend() + ", batch 1)"
                + (p.interpolated() ? "" : ", extrapolated beyond the calibrated range") + ", profile of "
                + date(m, zone);
    }

    private static String date(LatencyModel m, ZoneId zone) {
        try {
            return DATE.format(Instant.parse(m.profile().created()).atZone(zone));
        } catch (java.time.format.DateTimeParseException e) {
            return m.profile().created();
        }
    }

    /**
     * Calibrates the current backend in the background ({@link CalibrationGrid#DEFAULT}: 68 networks, about 4.5
     * minutes for ONNX Runtime on a quiet 2-core machine), writes the profile and loads it. Does nothing while one
     * runs.
     */
    public void calibrate() {
        if (calibrating.get()) {
            return;
        }
        String id = backend.getValue();
        Path file = profileFile();
        int total = CalibrationGrid.DEFAULT.configs().size();
        calibrating.set(true);
        canCalibrate.set(false);
        progress.set(0);
        progressText.set("Calibrating " + id + ": 0 of " + total + " networks");
        BackgroundTask<Calibrator.Outcome<DeviceProfile>, SweepProgress> task = BackgroundTask.reporting(reporter -> {
            BenchmarkListener listener = new BenchmarkListener() {
                @Override
                public void sweepProgress(SweepProgress p) {
                    reporter.report(p);
                }
            };
            Calibrator.Outcome<DeviceProfile> outcome = new Calibrator(engine).calibrate(id, Precision.FP32,
                    CalibrationGrid.DEFAULT, listener);
            if (outcome instanceof Calibrator.Outcome.Done<DeviceProfile> done) {
                DeviceProfiles.write(done.value(), file);
            }
            return outcome;
        });
        task.onProgress(p -> {
            progress.set(p.fraction());
            long s = p.remaining().toSeconds();
            progressText.set(String.format(Locale.ROOT, "Calibrating %s: %d of %d networks, about %d:%02d left", id,
                    p.done(), total, s / 60, s % 60));
        }).onSuccess(outcome -> {
            calibrating.set(false);
            calibration = null;
            if (outcome instanceof Calibrator.Outcome.Done<DeviceProfile>) {
                progressText.set("");
                reload();
            } else if (outcome instanceof Calibrator.Outcome.Cancelled<DeviceProfile> c) {
                progressText.set("Calibration cancelled after " + c.finished() + " of " + c.total()
                        + " networks; nothing written.");
                update();
            } else if (outcome instanceof Calibrator.Outcome.Failed<DeviceProfile> f) {
                progressText.set("Calibration failed (nothing written): " + f.messages().get(0));
                update();
            }
        }).onFailure(e -> {
            calibrating.set(false);
            calibration = null;
            progressText.set("Calibration failed (nothing written): " + e.getMessage());
            update();
        }).onCancel(engine::cancel);
        calibration = executor.execute(task);
    }

    /** Cancels a running calibration (the engine stops its current worker; nothing is written). */
    public void cancel() {
        BackgroundTask<?, ?> t = calibration;
        if (t != null) {
            t.cancel();
        }
    }

    /** The label's text. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** True when the view should offer to calibrate (no profile, an unreadable one, or the family missing). */
    public ReadOnlyBooleanProperty canCalibrateProperty() {
        return canCalibrate.getReadOnlyProperty();
    }

    /** True while a calibration runs. */
    public ReadOnlyBooleanProperty calibratingProperty() {
        return calibrating.getReadOnlyProperty();
    }

    /** The calibration's progress, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The calibration's progress (networks done, time left) or how it ended; empty otherwise. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }
}
