package org.mobilenetexplorer.ui.explore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
import javafx.beans.property.SimpleObjectProperty;
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
 * calibration writes nothing). A profile written or replaced behind the app's back (a {@code calibrate} in a
 * terminal) is picked up by {@link #refreshIfChanged()}, which the app calls when Explore is shown and when the window
 * regains focus: it compares the file's size and modification time, off the JavaFX thread, with those of the profile
 * loaded. The precision follows the configuration panel: a precision the predictor has no kernels for (INT8 today)
 * is refused with the reason, never answered with an FP32 figure.
 */
public final class PredictedLatencyViewModel {
    /** The date of a profile as the label shows it (the profile's own instant, in the local zone). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final ObservableValue<MobileNetConfig> config;
    private final ObservableValue<Path> resultsDir;
    private final ObservableValue<String> backend;
    private final ObservableValue<org.mobilenetexplorer.model.Precision> precision;
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
    /** The profile file and its state when it was last read (null before the first load finished). */
    private FileStamp loaded;
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
        this(config, resultsDir, backend, new SimpleObjectProperty<>(org.mobilenetexplorer.model.Precision.FP32),
                executor, engine, zone);
    }

    /**
     * As above, with the precision chosen in the configuration panel: the profile of that precision is used
     * ({@code device-profiles/<backend>-<precision>.json}).
     */
    public PredictedLatencyViewModel(ObservableValue<MobileNetConfig> config, ObservableValue<Path> resultsDir,
                                     ObservableValue<String> backend,
                                     ObservableValue<org.mobilenetexplorer.model.Precision> precision,
                                     TaskExecutor executor, BenchmarkEngine engine, ZoneId zone) {
        this.config = config;
        this.resultsDir = resultsDir;
        this.backend = backend;
        this.precision = precision;
        this.executor = executor;
        this.engine = engine;
        this.zone = zone;
        config.addListener((o, a, c) -> update());
        resultsDir.addListener((o, a, d) -> reload());
        backend.addListener((o, a, b) -> reload());
        precision.addListener((o, a, p) -> reload());
        reload();
    }

    /**
     * The state of a profile file: absent, or its size and modification time (a rewritten profile changes one of
     * them; {@link DeviceProfiles#write} replaces the file atomically, so a new file is also a new modification).
     */
    record FileStamp(Path file, boolean exists, long size, long modifiedMillis) {
        static FileStamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(file, true, a.size(), a.lastModifiedTime().toMillis());
            } catch (NoSuchFileException e) {
                return new FileStamp(file, false, -1, -1);
            } catch (IOException e) {
                return new FileStamp(file, false, -2, -2); // unreadable: differs from absent, so it is reported
            }
        }
    }

    /** What a background load found: the profile's state, the fitted model or the reason there is none. */
    private record Loaded(FileStamp stamp, LatencyModel model, String reason) {
    }

    /**
     * Reads the profile again when its file appeared, disappeared or changed since it was loaded (a
     * {@code calibrate} in a terminal, an import): the check runs off the JavaFX thread; the label keeps its text
     * while the new profile is read. Does nothing while a calibration of this view runs (it writes the profile and
     * loads it itself) or before the first load finished.
     */
    public void refreshIfChanged() {
        FileStamp before = loaded;
        Path file = profileFile();
        if (before == null || file == null || calibrating.get() || !file.equals(before.file())) {
            return;
        }
        int generation = loadGeneration;
        executor.execute(BackgroundTask.of(() -> FileStamp.of(file))
                .onSuccess(now -> {
                    if (generation == loadGeneration && !now.equals(loaded)) {
                        load(false);
                    }
                }));
    }

    /** Reads and fits the profile of the current backend in the background, then updates the text. */
    public void reload() {
        load(true);
    }

    /** @param announce say "reading..." meanwhile (a refresh keeps the current text until the new one is there) */
    private void load(boolean announce) {
        int generation = ++loadGeneration;
        String id = backend.getValue();
        org.mobilenetexplorer.model.Precision chosen = precision.getValue();
        Path file = profileFile();
        if (file == null) {
            model = null;
            loaded = null;
            missing = "";
            text.set("No predicted latency for " + chosen.name() + ": the predictor has no " + chosen.name()
                    + " kernels yet (device profiles are calibrated in "
                    + String.join(", ", java.util.Arrays.stream(Precision.values()).map(Enum::name).toList())
                    + "); choose FP32 for a prediction.");
            canCalibrate.set(false);
            return;
        }
        if (announce) {
            model = null;
            missing = "";
            text.set("Predicted latency: reading the " + id + " device profile...");
            canCalibrate.set(false);
        }
        executor.execute(BackgroundTask.of(() -> {
                    FileStamp stamp = FileStamp.of(file);
                    if (!stamp.exists()) {
                        return new Loaded(stamp, null, "no " + id + " " + chosen.name()
                                + " device profile on this machine yet");
                    }
                    try {
                        return new Loaded(stamp, LatencyFitter.fit(DeviceProfiles.read(file)), "");
                    } catch (ProfileException e) {
                        return new Loaded(stamp, null, e.getMessage());
                    } catch (RuntimeException e) {
                        return new Loaded(stamp, null, "cannot read the device profile " + file + ": "
                                + e.getMessage());
                    }
                })
                .onSuccess(l -> {
                    if (generation == loadGeneration) {
                        loaded = l.stamp();
                        loaded(l.model(), l.reason());
                    }
                })
                .onFailure(e -> {
                    if (generation == loadGeneration) {
                        loaded = null;
                        loaded(null, "cannot read the device profile " + file + ": " + e.getMessage());
                    }
                }));
    }

    private void loaded(LatencyModel m, String reason) {
        model = m;
        missing = reason;
        update();
    }

    /** The profile of the chosen backend and precision; null when the predictor does not know the precision. */
    private Path profileFile() {
        Precision p = predictorPrecision(precision.getValue());
        return p == null ? null : DeviceProfiles.file(resultsDir.getValue(), backend.getValue(), p);
    }

    /** The predictor's precision of the configuration panel's one, or null when it has no such kernels. */
    private static Precision predictorPrecision(org.mobilenetexplorer.model.Precision p) {
        try {
            return Precision.fromId(p.id());
        } catch (IllegalArgumentException e) {
            return null;
        }
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
     * Calibrates the current backend in the background ({@link CalibrationGrid#DEFAULT}: 68 networks in 3 rounds,
     * about 4 minutes for ONNX Runtime on a quiet 2-core machine), writes the profile and loads it. Does nothing while one
     * runs.
     */
    public void calibrate() {
        if (calibrating.get()) {
            return;
        }
        String id = backend.getValue();
        Path file = profileFile();
        Precision measured = predictorPrecision(precision.getValue());
        if (file == null || measured == null || id == null) {
            return; // the predictor has no kernels of this precision: nothing to calibrate (the label says so)
        }
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
            Calibrator.Outcome<DeviceProfile> outcome = new Calibrator(engine).calibrate(id, measured,
                    CalibrationGrid.DEFAULT, listener);
            if (outcome instanceof Calibrator.Outcome.Done<DeviceProfile> done) {
                DeviceProfiles.write(done.value(), file);
            }
            return outcome;
        });
        task.onProgress(p -> {
            progress.set(p.fraction());
            long s = p.remaining().toSeconds();
            // done and total count measurements: each network once per round, in another worker each time
            progressText.set(String.format(Locale.ROOT, "Calibrating %s: %d of %d measurements (%d networks x %d "
                    + "rounds), about %d:%02d left", id, p.done(), p.total(), total, Calibrator.ROUNDS, s / 60, s % 60));
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

    /**
     * The command line that calibrates the current backend into the current results folder, as a terminal would
     * run it (the link's tooltip: the same calibration without the app).
     */
    public String calibrateCommand() {
        Precision p = predictorPrecision(precision.getValue());
        return "mobilenet-explorer calibrate --backend " + backend.getValue()
                + (p == null || p == Precision.FP32 ? "" : " --precision " + p.id()) + " --results "
                + quoted(String.valueOf(resultsDir.getValue()));
    }

    private static String quoted(String s) {
        return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
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
