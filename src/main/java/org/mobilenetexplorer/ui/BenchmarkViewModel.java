package org.mobilenetexplorer.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.LayerProfile;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * The Benchmark view's state: the stored results (loaded off the JavaFX thread, corrupted files listed by name
 * and reason), the selected result's per-layer profile, and the latest result of a configuration for the
 * Compare view.
 */
public final class BenchmarkViewModel {
    private final TaskExecutor executor;
    private final ObjectProperty<Path> resultsDir;
    private final ObservableList<ResultRow> results = FXCollections.observableArrayList();
    private final ObjectProperty<ResultRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<LayerProfile> layers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper storeStatus = new ReadOnlyStringWrapper(this, "storeStatus", "");
    private final ReadOnlyStringWrapper layerCaption = new ReadOnlyStringWrapper(this, "layerCaption", "");
    private Runnable onResultsChanged = () -> { };

    public BenchmarkViewModel(TaskExecutor executor, Path resultsDir) {
        this.executor = executor;
        this.resultsDir = new SimpleObjectProperty<>(this, "resultsDir", resultsDir);
        selected.addListener((o, a, r) -> showLayers(r));
    }

    /** Called after the result list changes (the Compare view refreshes its measured row). */
    public void setOnResultsChanged(Runnable r) {
        onResultsChanged = r;
    }

    /** Reloads every stored result in the background. */
    public void reload() {
        Path dir = resultsDir.get();
        storeStatus.set("Loading results from " + dir + " …");
        Task<ResultStore.LoadReport> task = new Task<>() {
            @Override
            protected ResultStore.LoadReport call() {
                return ResultStore.loadAll(dir);
            }
        };
        task.setOnSucceeded(e -> apply(dir, task.getValue()));
        task.setOnFailed(e -> storeStatus.set("Results in " + dir + " could not be read: "
                + task.getException().getMessage()));
        executor.execute(task);
    }

    private void apply(Path dir, ResultStore.LoadReport report) {
        List<ResultRow> rows = new ArrayList<>();
        for (BenchmarkResult r : report.results()) {
            rows.add(ResultRow.of(r));
        }
        rows.sort(Comparator.comparing((ResultRow r) -> r.result().id()).reversed());
        results.setAll(rows);
        String text = report.results().size() + " results in " + dir;
        if (!report.skipped().isEmpty()) {
            text += "; skipped " + report.skipped().size() + ": " + String.join("; ",
                    report.skipped().stream().map(ResultStore.SkippedFile::toString).toList());
        }
        storeStatus.set(text);
        if (!rows.isEmpty() && (selected.get() == null || !rows.contains(selected.get()))) {
            selected.set(rows.get(0));
        }
        onResultsChanged.run();
    }

    /** Adds a fresh result at the top and selects it. */
    public void add(BenchmarkResult r) {
        ResultRow row = ResultRow.of(r);
        results.add(0, row);
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

    /** The median per image of the latest stored result of {@code c} (any backend), if any. */
    public Optional<Double> latestMedianMs(MobileNetConfig c) {
        return results.stream().filter(r -> r.result().config().equals(c)).findFirst()
                .map(r -> r.result().medianMsPerImage());
    }

    public ObjectProperty<Path> resultsDirProperty() {
        return resultsDir;
    }

    public ObservableList<ResultRow> results() {
        return results;
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
