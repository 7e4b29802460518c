package org.mobilenetexplorer.ui.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.BenchmarkRequest;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.Precisions;
import org.mobilenetexplorer.bench.ProtocolSettings;
import org.mobilenetexplorer.bench.LayerProfile;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.bench.SweepReport;
import org.mobilenetexplorer.devices.ResultsImport;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.ui.common.BackgroundTask;
import org.mobilenetexplorer.ui.common.Dialogs;
import org.mobilenetexplorer.ui.common.Formats;
import org.mobilenetexplorer.ui.common.PrecisionChoice;
import org.mobilenetexplorer.ui.common.TaskExecutor;

/**
 * The Benchmark view's state: the run (one at a time, off the JavaFX thread: phase, progress, ETA, failures,
 * cancel), the stored results (loaded off the JavaFX thread, corrupted files listed by name and reason), the
 * selected result's per-layer profile, and the latest result of a configuration for the Compare view.
 */
public final class BenchmarkViewModel {
    private final TaskExecutor executor;
    private final ObjectProperty<Path> resultsDir;
    private final ObservableList<ResultRow> results = FXCollections.observableArrayList();
    /** The devices of the stored results, sorted (the device filter's choices besides "all"). */
    private final ObservableList<String> devices = FXCollections.observableArrayList();
    /** The device whose results the table shows; null: every device. */
    private final ObjectProperty<String> deviceFilter = new SimpleObjectProperty<>(this, "deviceFilter");
    private final FilteredList<ResultRow> shown = new FilteredList<>(results);
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing", false);
    private final ReadOnlyStringWrapper importReport = new ReadOnlyStringWrapper(this, "importReport", "");
    private final ObjectProperty<ResultRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<LayerProfile> layers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper storeStatus = new ReadOnlyStringWrapper(this, "storeStatus", "");
    private final ReadOnlyStringWrapper layerCaption = new ReadOnlyStringWrapper(this, "layerCaption", "");
    private Runnable onResultsChanged = () -> { };

    private final BenchmarkEngine engine;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase", IDLE);
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper(this, "eta", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private BackgroundTask<SweepReport, BenchmarkUpdate> task;
    private int doneCount;
    private int kept;
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.QUICK);
    private final BooleanProperty profileLayers = new SimpleBooleanProperty(this, "profileLayers", true);
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(this, "precision", Precision.FP32);

    /** How long each configuration is measured. */
    public enum Mode {
        /** 3 warm-up runs, at least 10 runs and 1 s, at most 20 s. */
        QUICK("Quick (10 runs, 1 s)", ProtocolSettings.DEFAULT.withWarmup(3, 200).withMeasurement(10, 1_000, 20_000)),
        /** The engine's default protocol. */
        STANDARD("Standard (20 runs, 2 s)", ProtocolSettings.DEFAULT),
        /** For tests and demos: 1 warm-up run, 3 runs. */
        TINY("Tiny (3 runs)", ProtocolSettings.DEFAULT.withWarmup(1, 0).withMeasurement(3, 0, 10_000));

        private final String title;
        private final ProtocolSettings protocol;

        Mode(String title, ProtocolSettings protocol) {
            this.title = title;
            this.protocol = protocol;
        }

        public String title() {
            return title;
        }

        public ProtocolSettings protocol() {
            return protocol;
        }
    }

    static final String IDLE = "Idle. Pick a configuration or load a preset, then run.";

    /** Per-layer profile repeats when the profile is on. */
    public static final int PROFILE_REPEATS = 10;

    public BenchmarkViewModel(TaskExecutor executor, Path resultsDir, BenchmarkEngine engine) {
        this.executor = executor;
        this.engine = engine;
        this.resultsDir = new SimpleObjectProperty<>(this, "resultsDir", resultsDir);
        selected.addListener((o, a, r) -> showLayers(r));
        showLayers(null); // the chart's caption says what to do before any result is selected (it was blank)
        deviceFilter.addListener((o, a, d) -> {
            shown.setPredicate(d == null ? null : r -> r.device().equals(d));
            if (selected.get() != null && !shown.contains(selected.get())) {
                selected.set(shown.isEmpty() ? null : shown.get(0));
            }
        });
        results.addListener((javafx.collections.ListChangeListener<ResultRow>) c -> {
            List<String> now = results.stream().map(ResultRow::device).distinct().sorted().toList();
            if (!devices.equals(now)) {
                devices.setAll(now);
            }
            if (deviceFilter.get() != null && !now.contains(deviceFilter.get())) {
                deviceFilter.set(null); // its results are gone (another folder): show every device
            }
        });
    }

    /**
     * Runs {@code configs} on {@code backend}, one at a time in the engine, never on the JavaFX thread: phase,
     * progress and ETA follow the run, each result is saved and listed as it completes. Refused (false, with the
     * reason in {@link #failureProperty()}) while another run is going, without a backend or without
     * configurations, and when the backend cannot run the chosen {@link #precisionProperty() precision}.
     */
    public boolean run(List<MobileNetConfig> configs, String backend) {
        if (running.get()) {
            failure.set("A benchmark is already running: cancel it or wait.");
            return false;
        }
        if (backend == null || backend.isBlank()) {
            failure.set("No inference backend is available, so nothing can be measured.");
            return false;
        }
        if (configs.isEmpty()) {
            failure.set("No configuration to run: load a preset first.");
            return false;
        }
        String refusal = PrecisionChoice.refusal(backend, precision.get());
        if (!refusal.isEmpty()) {
            failure.set(backend + " with " + precision.get().id() + ": " + refusal + ".");
            return false;
        }
        failure.set("");
        ProtocolSettings p = Precisions.with(mode.get().protocol()
                .withProfileRepeats(profileLayers.get() ? PROFILE_REPEATS : 0), precision.get());
        List<BenchmarkRequest> requests = configs.stream().map(c -> new BenchmarkRequest(c, backend, p)).toList();
        running.set(true);
        doneCount = 0;
        kept = 0;
        task = BackgroundTask.reporting(new BenchmarkTask(engine, requests, new ResultStore(resultsDir.get())))
                .onProgress(this::apply)
                .onSuccess(report -> finished())
                .onFailure(e -> {
                    finished();
                    phase.set("Failed after " + doneCount + " of " + configs.size() + "; "
                            + Formats.count(kept, "result") + " kept");
                    eta.set("");
                    failure.set("The benchmark stopped: " + e);
                })
                .onCancel(engine::cancel);
        executor.execute(task);
        return true;
    }

    private void apply(BenchmarkUpdate u) {
        if (u instanceof BenchmarkUpdate.Status s) {
            phase.set(s.phase());
            eta.set(s.eta());
            progress.set(s.progress());
        } else if (u instanceof BenchmarkUpdate.Measured m) {
            doneCount++;
            kept++;
            add(m.result());
        } else if (u instanceof BenchmarkUpdate.Failure f) {
            if (f.configurationFailed()) {
                doneCount++;
            }
            failure.set(failure.get().isEmpty() ? f.message() : failure.get() + "\n" + f.message());
        }
    }

    private void finished() {
        task = null;
        running.set(false);
    }

    /** Cancels the running benchmark or sweep (between runs; a forked worker is killed); results so far stay. */
    public void cancel() {
        BackgroundTask<SweepReport, BenchmarkUpdate> t = task;
        if (t != null) {
            t.cancel();
        }
    }

    /** True while a benchmark runs (until the engine has stopped, also after a cancel). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the run does now ("0.5-160 (2/4): measuring, run 6 took 3.21 ms"); the last outcome when idle. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Done, failed and time left over the sweep. */
    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    /** 0..1 over the sweep; -1 while unknown (queued). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public BooleanProperty profileLayersProperty() {
        return profileLayers;
    }

    /** The precision runs measure: FP32 or INT8 (INT8 on onnxruntime only; results are labelled " int8"). */
    public ObjectProperty<Precision> precisionProperty() {
        return precision;
    }

    /** Called after the result list changes (the Compare view refreshes its measured row). */
    public void setOnResultsChanged(Runnable r) {
        onResultsChanged = r;
    }

    /**
     * Reads results from {@code dir} from now on (and saves new ones there): for instance a folder a CLI
     * {@code sweep --out DIR} wrote. Refused with a message while a benchmark runs or when {@code dir} is no folder.
     */
    public boolean openResultsFolder(Path dir) {
        if (running.get()) {
            storeStatus.set("A benchmark is running: its results go to " + resultsDir.get()
                    + "; open another results folder when it is done.");
            return false;
        }
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            storeStatus.set("Results folder " + dir + ": not a folder; still reading " + resultsDir.get() + ".");
            return false;
        }
        resultsDir.set(dir);
        reload();
        return true;
    }

    /** Asks for a results folder and opens it (File > Open results folder). */
    public void chooseResultsFolder(Dialogs dialogs) {
        dialogs.chooseFolder("Open a results folder", resultsDir.get()).ifPresent(this::openResultsFolder);
    }

    /**
     * Imports another machine's results folder or ZIP ({@code import-results DIR|ZIP}) into the results folder in
     * the background: each environment kept, duplicates recognised, corrupt files named and skipped, nothing
     * overwritten. The summary and every duplicate or skipped file by name go to {@link #importReportProperty()};
     * the results are reloaded afterwards (a new device appears in the device filter). Refused while a benchmark
     * runs (its results go to the same folder) or another import runs.
     */
    public boolean importResults(Path source) {
        if (source == null) {
            return false;
        }
        if (running.get() || importing.get()) {
            importReport.set("Not imported: " + (running.get() ? "a benchmark is running" : "an import is running")
                    + "; import " + source + " when it is done.");
            return false;
        }
        Path dir = resultsDir.get();
        importing.set(true);
        importReport.set("Importing " + source + " into " + dir + " …");
        executor.execute(BackgroundTask.of(() -> ResultsImport.run(source, dir))
                .onSuccess(report -> {
                    importing.set(false);
                    importReport.set(describe(source, report));
                    reload();
                })
                .onFailure(e -> {
                    importing.set(false);
                    importReport.set("Nothing imported: " + (e instanceof ResultsImport.ImportException
                            ? e.getMessage() : source + ": " + e));
                }));
        return true;
    }

    /** Most files named one by one in the import report (the rest are counted). */
    static final int REPORT_LINES = 12;

    /** {@code Imported from X: 3 imported, 1 duplicate skipped, 1 file skipped}, then the duplicates and skipped files by name. */
    static String describe(Path source, ResultsImport.Report report) {
        StringBuilder sb = new StringBuilder("Imported from " + source + ": " + report.summary() + ".");
        List<ResultsImport.Item> named = report.items().stream()
                .filter(i -> i.outcome() != ResultsImport.Outcome.IMPORTED).toList();
        named.stream().limit(REPORT_LINES).forEach(i -> sb.append('\n').append(i));
        if (named.size() > REPORT_LINES) {
            sb.append("\n… and ").append(named.size() - REPORT_LINES).append(" more");
        }
        if (report.items().isEmpty()) {
            sb.append("\nNo .json file there: nothing to import.");
        }
        return sb.toString();
    }

    /** Asks for a results folder of another machine and imports it (File > Import results folder). */
    public void importFolderWithChooser(Dialogs dialogs) {
        dialogs.chooseFolder("Import another machine's results folder", null).ifPresent(this::importResults);
    }

    /** Asks for a ZIP of another machine's results folder and imports it (File > Import results ZIP). */
    public void importZipWithChooser(Dialogs dialogs) {
        dialogs.chooseOpen("Import another machine's results (ZIP)", null, "ZIP archive", "zip")
                .ifPresent(this::importResults);
    }

    /** Reloads every stored result in the background. */
    public void reload() {
        Path dir = resultsDir.get();
        storeStatus.set("Loading results from " + dir + " …");
        executor.execute(BackgroundTask.of(() -> ResultStore.loadAll(dir))
                .onSuccess(report -> apply(dir, report))
                .onFailure(e -> storeStatus.set("Results in " + dir + " could not be read: " + e.getMessage())));
    }

    private void apply(Path dir, ResultStore.LoadReport report) {
        List<ResultRow> rows = new ArrayList<>();
        for (BenchmarkResult r : report.results()) {
            rows.add(ResultRow.of(r));
        }
        // grouped by device (imported machines apart from this one), newest first within a device
        rows.sort(Comparator.comparing(ResultRow::device)
                .thenComparing(Comparator.comparing((ResultRow r) -> r.result().id()).reversed()));
        results.setAll(rows);
        long devices = rows.stream().map(ResultRow::device).distinct().count();
        String text = Formats.count(report.results().size(), "result") + (devices > 1 ? " from " + devices
                + " devices" : "") + " in " + dir;
        if (!report.skipped().isEmpty()) {
            text += "; skipped " + report.skipped().size() + ": " + String.join("; ",
                    report.skipped().stream().map(ResultStore.SkippedFile::toString).toList());
        }
        storeStatus.set(text);
        if (!shown.isEmpty() && (selected.get() == null || !shown.contains(selected.get()))) {
            selected.set(shown.get(0));
        }
        onResultsChanged.run();
    }

    /** Adds a fresh result at the top and selects it. */
    public void add(BenchmarkResult r) {
        ResultRow row = ResultRow.of(r);
        results.add(0, row);
        if (deviceFilter.get() != null && !deviceFilter.get().equals(row.device())) {
            deviceFilter.set(null); // a fresh result is never hidden behind another device's filter
        }
        storeStatus.set(Formats.count(results.size(), "result") + " in " + resultsDir.get()
                + " (the newest saved just now)");
        selected.set(row);
        onResultsChanged.run();
    }

    private void showLayers(ResultRow r) {
        if (r == null) {
            layers.clear();
            layerCaption.set("Select a result to see its per-layer profile.");
            return;
        }
        layers.setAll(r.result().layers());
        if (r.result().layers().isEmpty()) {
            layerCaption.set(r.result().label() + ": no per-layer profile (run with the per-layer profile on).");
        } else {
            var s = r.result().layerSummary();
            layerCaption.set(r.result().label() + ": share of measured time vs share of MACs per layer"
                    + (s == null ? "" : " (layer sum " + Formats.ms(s.layerSumMs()) + " vs network median "
                    + Formats.ms(s.networkMedianMs()) + ")") + ". Latency does not depend on weight values.");
        }
    }

    /**
     * The median per image of the latest stored FP32 result of {@code c} on {@code backend}, if any (Compare's
     * measured row is FP32, like every figure beside it; an INT8 result is never shown there unlabelled).
     */
    public Optional<Double> latestMedianMs(MobileNetConfig c, String backend) {
        return results.stream().filter(r -> r.result().config().equals(c) && r.result().backend().equals(backend)
                        && Precisions.of(r.result()) == Precision.FP32)
                .findFirst()
                .map(r -> r.result().medianMsPerImage());
    }

    public ObjectProperty<Path> resultsDirProperty() {
        return resultsDir;
    }

    /** Every stored result (all devices). */
    public ObservableList<ResultRow> results() {
        return results;
    }

    /** The results the table shows: those of {@link #deviceFilterProperty()} (all while it is null). */
    public ObservableList<ResultRow> shownResults() {
        return shown;
    }

    /** The devices of the stored results, sorted by name. */
    public ObservableList<String> devices() {
        return devices;
    }

    /** The device whose results the table shows; null for every device. */
    public ObjectProperty<String> deviceFilterProperty() {
        return deviceFilter;
    }

    /** True while an import runs. */
    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** What the last import did (summary, then duplicates and skipped files by name); empty before one. */
    public ReadOnlyStringProperty importReportProperty() {
        return importReport.getReadOnlyProperty();
    }

    public ObjectProperty<ResultRow> selectedProperty() {
        return selected;
    }

    public ObservableList<LayerProfile> layers() {
        return layers;
    }

    public ReadOnlyStringProperty storeStatusProperty() {
        return storeStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty layerCaptionProperty() {
        return layerCaption.getReadOnlyProperty();
    }
}
