package org.mobilenetexplorer.ui.tradeoff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.chart.JFreeChart;
import org.mobilenetexplorer.accuracy.AccuracyCatalog;
import org.mobilenetexplorer.chart.ChartExport;
import org.mobilenetexplorer.chart.ChartOptions;
import org.mobilenetexplorer.chart.ExportFormat;
import org.mobilenetexplorer.chart.TradeoffCharts;
import org.mobilenetexplorer.chart.TradeoffDataset;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.accuracy.AccuracyMetric;
import org.mobilenetexplorer.accuracy.AccuracySource;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.tradeoff.Candidate;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.tradeoff.LatencyTable;
import org.mobilenetexplorer.tradeoff.TradeoffAnalysis;
import org.mobilenetexplorer.tradeoff.TradeoffPoint;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.Device;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.tradeoff.LatencySeries;
import org.mobilenetexplorer.tradeoff.ProfilePredictor;
import org.mobilenetexplorer.tradeoff.SeriesComposer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.mobilenetexplorer.ui.common.BackgroundTask;
import org.mobilenetexplorer.ui.common.FileContext;
import org.mobilenetexplorer.ui.common.Formats;
import org.mobilenetexplorer.ui.common.TaskExecutor;

/**
 * The Trade-offs view's state: which configurations (the loaded preset, else the 16-model TF-Slim grid), which
 * accuracy source and metric, which cost axis; the analysis (computed off the JavaFX thread because it reads the
 * results folder), its points with provenance, and the actions on a point.
 */
public final class TradeoffViewModel {
    public static final String DEFAULT_SOURCE = "tf-slim-2018";
    public static final int EXPORT_WIDTH = 1280;
    public static final int EXPORT_HEIGHT = 800;
    /** The bundled preset shown while none is loaded: the 16 TF-Slim checkpoints (paper Figures 4 and 5). */
    public static final String DEFAULT_CANDIDATES = "slim-grid-16.json";
    static final String EXPORTS = "exports";

    private final TaskExecutor executor;
    private final ObservableValue<Path> resultsDir;
    private final ObservableValue<String> backend;
    private final Consumer<MobileNetConfig> loadConfig;
    private final FileContext files;
    private final ReadOnlyObjectWrapper<JFreeChart> chart = new ReadOnlyObjectWrapper<>(this, "chart");
    private final ObservableList<AccuracySource> sources = FXCollections.observableArrayList();
    private final ObjectProperty<AccuracySource> source = new SimpleObjectProperty<>(this, "source");
    private final ObjectProperty<CostAxis> axis = new SimpleObjectProperty<>(this, "axis", CostAxis.MACS);
    private final ObjectProperty<AccuracyMetric> metric = new SimpleObjectProperty<>(this, "metric",
            AccuracyMetric.TOP1);
    private final ObjectProperty<Preset> candidates = new SimpleObjectProperty<>(this, "candidates");
    private final ReadOnlyObjectWrapper<TradeoffAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ObservableList<PointRow> points = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    /** The devices a latency chart can show: every measured device of the results folder, then "published, Pixel N". */
    private final ObservableList<String> devices = FXCollections.observableArrayList();
    /** The devices shown (empty: every measured device). */
    private final ObservableList<String> chosenDevices = FXCollections.observableArrayList();
    private final ObjectProperty<PrecisionChoice> precisions = new SimpleObjectProperty<>(this, "precisions",
            PrecisionChoice.FP32);
    private final BooleanProperty fillPredicted = new SimpleBooleanProperty(this, "fillPredicted", false);
    private final ReadOnlyObjectWrapper<List<LatencySeries>> series = new ReadOnlyObjectWrapper<>(this, "series",
            List.of());
    private int generation;

    /** Which precisions a latency chart shows: one, or both as two linked series. */
    public enum PrecisionChoice {
        FP32("FP32"), INT8("INT8"), BOTH("FP32 + INT8, linked");

        private final String title;

        PrecisionChoice(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        List<Precision> precisions() {
            return switch (this) {
                case FP32 -> List.of(Precision.FP32);
                case INT8 -> List.of(Precision.INT8);
                case BOTH -> List.of(Precision.FP32, Precision.INT8);
            };
        }
    }

    /** What one recomputation found: the single-series analysis, the latency series (when asked for), the devices. */
    private record Computed(TradeoffAnalysis analysis, List<LatencySeries> series, List<String> devices,
                            List<String> notes, boolean multi) {
    }

    /**
     * @param defaultCandidates configurations shown while no preset is loaded
     * @param loadConfig        makes a configuration current (click on a point)
     */
    public TradeoffViewModel(TaskExecutor executor, ObservableValue<Path> resultsDir, ObservableValue<String> backend,
                             AccuracyCatalog catalog, Preset defaultCandidates, Consumer<MobileNetConfig> loadConfig,
                             FileContext files) {
        this.files = files;
        this.executor = executor;
        this.resultsDir = resultsDir;
        this.backend = backend;
        this.loadConfig = loadConfig;
        sources.setAll(catalog.sources());
        source.set(catalog.find(DEFAULT_SOURCE).orElse(sources.get(0)));
        candidates.set(defaultCandidates);
        source.addListener(o -> recompute());
        axis.addListener(o -> recompute());
        metric.addListener(o -> recompute());
        candidates.addListener(o -> recompute());
        backend.addListener(o -> recompute());
        precisions.addListener(o -> recompute());
        fillPredicted.addListener(o -> recompute());
        chosenDevices.addListener((javafx.collections.ListChangeListener<String>) c -> recompute());
    }

    /** Recomputes the analysis in the background; a newer request supersedes an older one. */
    public void recompute() {
        Preset preset = candidates.get();
        AccuracySource src = source.get();
        CostAxis ax = axis.get();
        AccuracyMetric m = metric.get();
        String be = backend.getValue();
        Path dir = resultsDir.getValue();
        List<String> chosen = List.copyOf(chosenDevices);
        PrecisionChoice pc = precisions.get();
        boolean predicted = fillPredicted.get();
        AccuracyCatalog catalog = AccuracyCatalog.bundled();
        int gen = ++generation;
        caption.set("Computing " + preset.configs().size() + " configurations …");
        executor.execute(BackgroundTask.of(() -> compute(preset, src, m, ax, be, dir, chosen, pc, predicted, catalog))
                .onSuccess(c -> {
                    if (gen == generation) {
                        apply(c, preset);
                    }
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        caption.set("The analysis failed: " + e.getMessage());
                    }
                }));
    }

    /**
     * True when the latency chart needs series (devices chosen, a published device, both precisions, predictions, or
     * results from several devices: one series each, never one series of mixed machines); otherwise the
     * single-series chart of before.
     */
    static boolean multiSeries(CostAxis ax, List<String> chosen, PrecisionChoice pc, boolean predicted,
                               int measuredDevices) {
        return ax == CostAxis.LATENCY && (!chosen.isEmpty() || pc != PrecisionChoice.FP32 || predicted
                || measuredDevices > 1);
    }

    /** The analysis and, on a latency chart asking for them, the series (off the JavaFX thread: reads files). */
    private static Computed compute(Preset preset, AccuracySource src, AccuracyMetric m, CostAxis ax, String be,
                                    Path dir, List<String> chosen, PrecisionChoice pc, boolean predicted,
                                    AccuracyCatalog catalog) {
        TradeoffAnalysis a = analyse(preset, src, m, ax, be, dir);
        List<BenchmarkResult> results = dir == null ? List.of() : ResultStore.loadAll(dir).results();
        List<String> devs = new ArrayList<>();
        LatencyTableDevices.measured(results).forEach(d -> devs.add(d.label()));
        SeriesComposer.publishedDevices(PublishedData.bundled())
                .forEach(d -> devs.add(SeriesComposer.PUBLISHED_PREFIX + d));
        int measuredDevices = LatencyTableDevices.measured(results).size();
        if (!multiSeries(ax, chosen, pc, predicted, measuredDevices)) {
            return new Computed(a, List.of(), devs, List.of(), false);
        }
        List<String> notes = new ArrayList<>();
        List<Device> measured = new ArrayList<>();
        List<String> published = new ArrayList<>();
        for (String c : chosen) {
            if (c.startsWith(SeriesComposer.PUBLISHED_PREFIX)) {
                published.add(c);
            } else {
                LatencyTableDevices.measured(results).stream().filter(d -> d.label().equals(c)).forEach(measured::add);
            }
        }
        if (measured.isEmpty() && !published.isEmpty() && chosen.size() == published.size()) {
            measured.addAll(LatencyTableDevices.measured(results)); // published beside every measured device
        }
        List<Candidate> cs = new ArrayList<>();
        for (PresetEntry e : preset.configs()) {
            cs.add(new Candidate(e.config(), pointLabel(e.config())));
        }
        SeriesComposer.Predictor predictor = predicted ? ProfilePredictor.load(dir, be, notes).orElse(null) : null;
        java.util.function.Function<Precision, AccuracyEstimator> accuracy = p -> new AccuracyEstimator(
                p == Precision.INT8 && !src.id().contains("quant") ? catalog.find(QUANTIZED_SOURCE).orElse(src)
                        : src, m);
        List<LatencySeries> series;
        try {
            series = SeriesComposer.compose(cs, results, dir, be, new SeriesComposer.Request(measured,
                    pc.precisions(), predicted, published), accuracy, predictor, PublishedData.bundled(), notes);
        } catch (IllegalArgumentException e) {
            notes.add(e.getMessage());
            series = List.of();
        }
        return new Computed(a, series, devs, notes, true);
    }

    /** The accuracy source of INT8 series when the chosen one is a float source: TF-Slim's quantized checkpoints. */
    public static final String QUANTIZED_SOURCE = "tf-slim-quant-2018-08";

    /** Measured devices of a results list (a helper so the view model names no table internals). */
    private static final class LatencyTableDevices {
        static List<Device> measured(List<BenchmarkResult> results) {
            return org.mobilenetexplorer.tradeoff.LatencyTable.devices(results);
        }
    }

    /** The analysis itself (off the JavaFX thread: it reads the results folder). */
    private static TradeoffAnalysis analyse(Preset preset, AccuracySource src, AccuracyMetric m, CostAxis ax,
                                            String backend, Path dir) {
        LatencyTable latency;
        try {
            latency = LatencyTable.load(dir, backend);
        } catch (IllegalArgumentException e) {
            latency = LatencyTable.empty(dir, e.getMessage());
        }
        List<Candidate> cs = new ArrayList<>();
        for (PresetEntry e : preset.configs()) {
            cs.add(new Candidate(e.config(), pointLabel(e.config())));
        }
        return TradeoffAnalysis.of(cs, new AccuracyEstimator(src, m), latency, ax);
    }

    private void apply(Computed c, Preset preset) {
        TradeoffAnalysis a = c.analysis();
        if (!devices.equals(c.devices())) {
            devices.setAll(c.devices());
        }
        series.set(c.series());
        if (!c.series().isEmpty()) {
            applySeries(c, preset);
            return;
        }
        List<PointRow> rows = new ArrayList<>();
        for (TradeoffPoint p : a.points()) {
            double cost = p.cost(a.axis());
            String costText = Double.isNaN(cost) ? "not measured"
                    : Formats.fixed(cost, a.axis() == CostAxis.LATENCY ? 2 : 1) + " " + a.axis().unit();
            String acc = p.accuracy().present()
                    ? Formats.fixed(p.accuracyValue(), 1) + " %" + (p.accuracy().flag().isEmpty() ? ""
                    : " (" + p.accuracy().flag() + ")")
                    : "n/a";
            rows.add(new PointRow(p, p.label(), costText, acc, p.pareto() ? "yes" : "", describe(p)));
        }
        points.setAll(rows);
        notes.set(String.join("\n", a.notes()));
        caption.set(a.metric().title() + " vs " + a.axis().title().toLowerCase(java.util.Locale.ROOT) + " for \""
                + preset.name() + "\" (" + a.points().size() + " configurations, " + a.paretoFront().size()
                + " on the Pareto front); accuracy from " + a.source().name() + ".");
        chart.set(TradeoffCharts.accuracyVsCost(a, ChartOptions.defaults()));
        analysis.set(a);
        if (c.multi()) {
            notes.set(String.join("\n", c.notes()) + (c.notes().isEmpty() ? "" : "\n") + notes.get());
        }
    }

    /** A latency chart of several series: every series' points in the table, labelled by series. */
    private void applySeries(Computed c, Preset preset) {
        List<PointRow> rows = new ArrayList<>();
        for (LatencySeries s : c.series()) {
            for (TradeoffPoint p : s.analysis().points()) {
                if (p.latency() == null) {
                    continue;
                }
                String acc = p.accuracy().present() ? Formats.fixed(p.accuracyValue(), 1) + " %"
                        + (p.accuracy().flag().isEmpty() ? "" : " (" + p.accuracy().flag() + ")") : "n/a";
                rows.add(new PointRow(p, s.pointLabel(p), Formats.fixed(p.latency().medianMs(), 2) + " ms "
                        + p.latency().kind().id(), acc, p.pareto() && s == c.series().get(0) ? "yes" : "",
                        s.name() + "\n" + describe(p)));
            }
        }
        points.setAll(rows);
        List<String> n = new ArrayList<>(c.notes());
        c.series().forEach(s -> n.addAll(s.analysis().notes().stream().filter(x -> !n.contains(x)).toList()));
        notes.set(String.join("\n", n));
        caption.set(c.analysis().metric().title() + " vs latency for \"" + preset.name() + "\": " + c.series().size()
                + " series (device \u00d7 precision \u00d7 measured/predicted/published, never mixed); Pareto front of "
                + c.series().get(0).name() + ".");
        chart.set(TradeoffCharts.accuracyVsLatency(c.series(), ChartOptions.defaults()));
        analysis.set(c.analysis());
    }

    /** The item behind a clicked chart entity, if it is a configuration of the analysis. */
    public void loadItem(Object dataset, int series, int item) {
        if (dataset instanceof TradeoffDataset d && series < d.getSeriesCount() && item < d.getItemCount(series)) {
            load(d.point(series, item).point());
        }
    }

    /** Export > {@code format}: asks for a file, then {@link #export(Path)}. */
    public void exportWithChooser(ExportFormat format) {
        if (chart.get() == null) {
            files.status().accept("Nothing to export yet.");
            return;
        }
        String ext = format.name().toLowerCase(java.util.Locale.ROOT);
        files.dialogs().chooseSave("Export chart as " + format.name(), files.folders().last(EXPORTS),
                "tradeoff-" + analysis.get().axis().id() + "." + ext, format.name() + " file", ext)
                .ifPresent(this::export);
    }

    /**
     * Writes the current chart (PNG/SVG/PDF at {@link #EXPORT_WIDTH} x {@link #EXPORT_HEIGHT}) or its plotted data
     * (CSV/JSON with provenance columns) to {@code file}, in the background; errors open a dialog.
     */
    public void export(Path file) {
        JFreeChart c = chart.get();
        if (c == null) {
            return;
        }
        executor.execute(BackgroundTask.of(() -> {
            ChartExport.write(c, file, EXPORT_WIDTH, EXPORT_HEIGHT, 1.0);
            return file;
        }).onSuccess(f -> {
            files.folders().remember(EXPORTS, f);
            files.status().accept("Exported " + f);
        }).onFailure(e -> files.dialogs().error("Export failed", file + ": " + e.getMessage())));
    }

    /** A marker label: alpha-resolution with the structural suffixes, without the class count. */
    static String pointLabel(MobileNetConfig c) {
        return c.label().replace(" " + c.classes() + "cls", "");
    }

    /** The hover text of a point: configuration and the provenance of every coordinate. */
    public String describe(TradeoffPoint p) {
        StringBuilder sb = new StringBuilder(p.label()).append(" (").append(p.config().label()).append(")\n");
        sb.append(Formats.fixed(p.macs() / 1e6, 2)).append(" M MACs, ").append(Formats.fixed(p.params() / 1e6, 3))
                .append(" M params (computed)\n");
        if (p.accuracy().present()) {
            sb.append(p.accuracy().metric().title()).append(' ').append(Formats.fixed(p.accuracyValue(), 1))
                    .append(" % ").append(p.accuracy().flag().isEmpty() ? "published" : p.accuracy().flag())
                    .append(" — ").append(p.accuracy().method()).append('\n');
        } else {
            sb.append("no accuracy from ").append(p.accuracy().sourceId()).append('\n');
        }
        if (p.latency() != null && p.latency().kind() != org.mobilenetexplorer.tradeoff.LatencyKind.MEASURED) {
            sb.append(p.latency().kind().id()).append(' ').append(Formats.ms(p.latency().medianMs())).append(", ")
                    .append(p.latency().backendName()).append(" (").append(p.latency().resultFile()).append(')');
        } else if (p.latency() != null) {
            sb.append("median ").append(Formats.ms(p.latency().medianMs())).append(" on ")
                    .append(p.latency().backendName()).append(", ").append(p.latency().cpu()).append(" (")
                    .append(p.latency().resultFile()).append(p.latency().stable() ? ")" : ", UNSTABLE)");
        } else {
            sb.append("latency not measured");
        }
        return sb.toString();
    }

    /** Click on a point: its configuration becomes current. */
    public void load(TradeoffPoint p) {
        if (p != null) {
            loadConfig.accept(p.config());
        }
    }

    public ReadOnlyObjectProperty<JFreeChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ObservableList<AccuracySource> sources() {
        return sources;
    }

    public ObjectProperty<AccuracySource> sourceProperty() {
        return source;
    }

    public ObjectProperty<CostAxis> axisProperty() {
        return axis;
    }

    public ObjectProperty<AccuracyMetric> metricProperty() {
        return metric;
    }

    public ObjectProperty<Preset> candidatesProperty() {
        return candidates;
    }

    public ReadOnlyObjectProperty<TradeoffAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public ObservableList<PointRow> points() {
        return points;
    }

    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** Every device a latency chart can show (measured ones, then the published reference devices). */
    public ObservableList<String> devices() {
        return devices;
    }

    /** The devices shown (empty: every measured device); changing it recomputes. */
    public ObservableList<String> chosenDevices() {
        return chosenDevices;
    }

    public ObjectProperty<PrecisionChoice> precisionsProperty() {
        return precisions;
    }

    /** Fill unmeasured configurations with predictions from this machine's device profile (a separate series). */
    public BooleanProperty fillPredictedProperty() {
        return fillPredicted;
    }

    /** The latency series of the current chart (empty for a single-series chart). */
    public ReadOnlyObjectProperty<List<LatencySeries>> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public Path resultsDir() {
        return resultsDir.getValue();
    }
}
