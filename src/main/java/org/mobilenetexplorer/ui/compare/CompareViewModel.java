package org.mobilenetexplorer.ui.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.ui.common.Formats;

/**
 * The Compare view's state: 2 to 6 pinned configurations of any families, their totals side by side with deltas
 * against the chosen baseline, their costs per stage (layers grouped by output resolution: how networks of different
 * families align), per-layer MAC differences where the architectures align (one family), and their measured latency
 * where a benchmark result exists.
 *
 * <p>The pinned list ({@link #pinned()}) is the state to save and restore: plain {@link MobileNetConfig}s in pin
 * order; {@link #pin(MobileNetConfig)}, {@link #unpin(int)} and {@link #clear()} change it and recompute the rows,
 * and {@link #baselineProperty()} is the index of the baseline in it.
 */
public final class CompareViewModel {
    public static final int MAX_PINNED = 6;
    public static final int MIN_PINNED = 2;

    private final PublishedData published;
    private final BiFunction<MobileNetConfig, String, Optional<Double>> measuredMedianMs;
    private final ObservableValue<String> backend;
    private final ObservableValue<MobileNetConfig> current;
    private final ObservableList<PresetEntry> preset;
    private final Consumer<String> status;
    private final ObservableList<MobileNetConfig> pinned = FXCollections.observableArrayList();
    private final IntegerProperty baseline = new SimpleIntegerProperty(this, "baseline", 0);
    private final ObservableList<CompareRow> totals = FXCollections.observableArrayList();
    private final ObservableList<CompareRow> stages = FXCollections.observableArrayList();
    private final ObservableList<CompareRow> layers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper layersNote = new ReadOnlyStringWrapper(this, "layersNote", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /**
     * @param published        published figures (top-1 row)
     * @param measuredMedianMs the median latency of the latest stored benchmark result of a configuration on a
     *                         backend, if any
     * @param backend          the backend whose results the latency row shows (the one chosen on the left)
     * @param current          the current configuration ({@link #pinCurrent()})
     * @param preset           the loaded preset's configurations ({@link #pinPreset()})
     * @param status           the window's status line
     */
    public CompareViewModel(PublishedData published, BiFunction<MobileNetConfig, String, Optional<Double>> measuredMedianMs,
                            ObservableValue<String> backend, ObservableValue<MobileNetConfig> current,
                            ObservableList<PresetEntry> preset, Consumer<String> status) {
        this.published = published;
        this.measuredMedianMs = measuredMedianMs;
        this.backend = backend;
        this.current = current;
        this.preset = preset;
        this.status = status;
        baseline.addListener(o -> refresh());
        backend.addListener(o -> refresh());
        refresh();
    }

    /** Pins {@code c}; refused (with a message) when already pinned or when six are pinned. */
    public boolean pin(MobileNetConfig c) {
        if (pinned.contains(c)) {
            message.set(c.label() + " is already pinned.");
            return false;
        }
        if (pinned.size() >= MAX_PINNED) {
            message.set("At most " + MAX_PINNED + " configurations: unpin one first.");
            return false;
        }
        pinned.add(c);
        refresh();
        return true;
    }

    /** Compare > Pin current configuration: the outcome goes to the status line. */
    public void pinCurrent() {
        MobileNetConfig c = current.getValue();
        if (pin(c)) {
            status.accept("Pinned " + c.label() + " (" + pinned.size() + " pinned).");
        } else {
            status.accept(message.get());
        }
    }

    /** Compare > Pin the preset's configurations (up to {@link #MAX_PINNED}). */
    public void pinPreset() {
        for (PresetEntry e : preset) {
            if (pinned.size() >= MAX_PINNED) {
                break;
            }
            pin(e.config());
        }
        status.accept(pinned.size() + " configurations pinned.");
    }

    /** The loaded preset's configurations (Pin preset is off while there are none). */
    public ObservableList<PresetEntry> presetEntries() {
        return preset;
    }

    /** Removes the configuration at {@code index}. */
    public void unpin(int index) {
        if (index < 0 || index >= pinned.size()) {
            return;
        }
        pinned.remove(index);
        if (baseline.get() >= pinned.size()) {
            baseline.set(Math.max(0, pinned.size() - 1));
        }
        refresh();
    }

    public void clear() {
        pinned.clear();
        baseline.set(0);
        refresh();
    }

    /** Recomputes every row (also after new benchmark results arrive). */
    public void refresh() {
        List<NetworkStats> stats = pinned.stream().map(NetworkStats::of).toList();
        if (pinned.size() < MIN_PINNED) {
            message.set("Pin " + MIN_PINNED + " to " + MAX_PINNED + " configurations to compare them"
                    + " (Configuration > Pin current configuration, Ctrl+P). Pinned: " + pinned.size() + ".");
        } else {
            message.set(pinned.size() + " configurations; deltas against " + pinned.get(baseline.get()).label()
                    + ".");
        }
        List<CompareRow> rows = new ArrayList<>();
        rows.add(metric("MACs [M]", stats, t -> t.macs() / 1e6, 2));
        rows.add(metric("Params [M]", stats, t -> t.params() / 1e6, 3));
        rows.add(metric("Batch-norm params [K]", stats, t -> t.bnParams() / 1e3, 1));
        rows.add(metric("FP32 parameters [MiB]", stats, t -> t.parameterBytes() / (double) (1 << 20), 2));
        rows.add(metric("Peak activations [MiB]", stats, t -> t.peakActivationBytes() / (double) (1 << 20), 2));
        rows.add(metric("Elementwise ops [M]", stats, t -> t.elementwiseOps() / 1e6, 2));
        rows.add(metric("Layers [count]", stats, t -> t.layers(), 0));
        rows.add(topOne(stats));
        rows.add(measured());
        totals.setAll(rows);
        stages.setAll(stageRows(stats));
        if (aligned(pinned)) {
            layers.setAll(layerRows(stats));
            layersNote.set(pinned.isEmpty() ? "Nothing pinned yet." : "");
        } else {
            layers.clear();
            layersNote.set("Layer by layer only within one family: "
                    + String.join(", ", pinned.stream().map(MobileNetConfig::familyLabel).distinct().toList())
                    + " do not align layer by layer. Compare them per stage (above).");
        }
    }

    /**
     * True when the configurations' layers align by name: one family (and, for V3, all minimalistic or none). V1
     * configurations with fewer 14x14 blocks still align (their missing layers show as absent).
     */
    static boolean aligned(List<MobileNetConfig> configs) {
        return configs.stream().map(MobileNetConfig::familyLabel).distinct().count() <= 1;
    }

    /**
     * MACs and params per stage (layers grouped by output stride: {@link StageCost}), then their sums, which equal
     * the totals. A stage one configuration lacks shows as absent.
     */
    private List<CompareRow> stageRows(List<NetworkStats> stats) {
        List<List<StageCost>> per = stats.stream().map(StageCost::of).toList();
        java.util.TreeMap<Integer, List<StageCost>> byStride = new java.util.TreeMap<>();
        for (int i = 0; i < per.size(); i++) {
            for (StageCost c : per.get(i)) {
                List<StageCost> cells = byStride.computeIfAbsent(c.stride(), k -> new ArrayList<>());
                while (cells.size() < i) {
                    cells.add(null);
                }
                cells.add(c);
            }
        }
        for (List<StageCost> cells : byStride.values()) {
            while (cells.size() < per.size()) {
                cells.add(null);
            }
        }
        List<CompareRow> rows = new ArrayList<>();
        for (var e : byStride.entrySet()) {
            rows.add(stageRow(stageName(e.getKey(), e.getValue()) + " MACs [M]", e.getValue(),
                    c -> c.macs() / 1e6, 2));
        }
        for (var e : byStride.entrySet()) {
            rows.add(stageRow(stageName(e.getKey(), e.getValue()) + " params [M]", e.getValue(),
                    c -> c.params() / 1e6, 3));
        }
        return rows;
    }

    /** {@code 112x112 (stride 2)}; {@code stride 2: 112x112 / 80x80} when the pinned resolutions differ. */
    static String stageName(int stride, List<StageCost> cells) {
        if (stride == StageCost.HEAD) {
            return "Head (pool, classifier)";
        }
        List<String> maps = cells.stream().filter(java.util.Objects::nonNull).map(StageCost::mapLabel).distinct()
                .toList();
        return maps.size() == 1 ? maps.get(0) + " (stride " + stride + ")"
                : "Stride " + stride + ": " + String.join(" / ", maps);
    }

    private CompareRow stageRow(String name, List<StageCost> cells, ToDoubleFunction<StageCost> f, int decimals) {
        int b = baseline.get();
        StageCost base = b < cells.size() ? cells.get(b) : null;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            StageCost c = cells.get(i);
            if (c == null) {
                out.add("absent");
                continue;
            }
            double v = f.applyAsDouble(c);
            String text = Formats.fixed(v, decimals);
            if (i != b && base != null) {
                text += "  (" + Formats.delta(v, f.applyAsDouble(base)) + ")";
            }
            out.add(text);
        }
        return new CompareRow(name, out);
    }

    private CompareRow metric(String name, List<NetworkStats> stats, ToDoubleFunction<Totals> f, int decimals) {
        List<String> cells = new ArrayList<>();
        int b = baseline.get();
        for (int i = 0; i < stats.size(); i++) {
            double v = f.applyAsDouble(stats.get(i).totals());
            String text = Formats.fixed(v, decimals);
            if (i != b && b < stats.size()) {
                text += "  (" + Formats.delta(v, f.applyAsDouble(stats.get(b).totals())) + ")";
            }
            cells.add(text);
        }
        return new CompareRow(name, cells);
    }

    /** Accuracy sources tried for the top-1 row, in order; the row uses one source for every column. */
    static final List<String> TOP1_SOURCES = List.of("tf-slim-2018", "tf-slim-2017", "tflite", "paper", "keras");

    /** TF-Slim's model cards of the other families (float checkpoints), the sources of a cross-family top-1 row. */
    static final java.util.Map<Family, String> FAMILY_SOURCES = java.util.Map.of(Family.V2, "tf-slim-v2",
            Family.V3_LARGE, "tf-slim-v3", Family.V3_SMALL, "tf-slim-v3");

    private CompareRow topOne(List<NetworkStats> stats) {
        if (stats.stream().anyMatch(s -> s.config().family() != Family.V1)) {
            return topOneAcrossFamilies(stats);
        }
        // one source for the whole row (never mixed): the first that lists the most pinned configurations
        String best = null;
        long bestCount = 0;
        for (String id : TOP1_SOURCES) {
            long n = stats.stream().filter(s -> top1(id, s).isPresent()).count();
            if (n > bestCount) {
                best = id;
                bestCount = n;
            }
        }
        List<String> cells = new ArrayList<>();
        int b = baseline.get();
        Optional<Double> base = best == null || b >= stats.size() ? Optional.empty() : top1(best, stats.get(b));
        for (int i = 0; i < stats.size(); i++) {
            if (best == null) {
                cells.add("not published");
                continue;
            }
            Optional<Double> v = top1(best, stats.get(i));
            String text = v.map(x -> Formats.fixed(x, 1) + " %").orElse("not in " + best);
            if (v.isPresent() && base.isPresent() && i != b) {
                text += "  (" + Formats.points(v.get(), base.get()) + ")";
            }
            cells.add(text);
        }
        return new CompareRow(best == null ? "Published top-1 [%]" : "Top-1 [%] " + best, cells);
    }

    /**
     * Across families no one source lists every configuration: each cell takes its family's TF-Slim model card
     * (V1 tf-slim-2018, V2 tf-slim-v2, V3 tf-slim-v3: the float checkpoints, ImageNet, one publisher) and names it.
     */
    private CompareRow topOneAcrossFamilies(List<NetworkStats> stats) {
        List<Optional<Double>> values = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (NetworkStats s : stats) {
            MobileNetConfig c = s.config();
            String id = c.family() == Family.V1 ? TOP1_SOURCES.get(0) : FAMILY_SOURCES.get(c.family());
            sources.add(id);
            values.add(top1(id, s));
        }
        int b = baseline.get();
        Optional<Double> base = b < values.size() ? values.get(b) : Optional.empty();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Optional<Double> v = values.get(i);
            String source = sources.get(i);
            String text = v.map(x -> Formats.fixed(x, 1) + " % " + source).orElse("not in " + source);
            if (v.isPresent() && base.isPresent() && i != b) {
                text += "  (" + Formats.points(v.get(), base.get()) + ")";
            }
            cells.add(text);
        }
        return new CompareRow("Top-1 [%] TF-Slim per family", cells);
    }

    private Optional<Double> top1(String sourceId, NetworkStats s) {
        return published.describing(s.config()).stream()
                .filter(x -> x.sourceId().equals(sourceId) && x.top1() != null)
                .map(PublishedFigure::top1).findFirst();
    }

    private CompareRow measured() {
        List<String> cells = new ArrayList<>();
        String id = backend.getValue();
        List<Optional<Double>> ms = pinned.stream()
                .map(c -> id == null ? Optional.<Double>empty() : measuredMedianMs.apply(c, id)).toList();
        int b = baseline.get();
        for (int i = 0; i < ms.size(); i++) {
            Optional<Double> v = ms.get(i);
            String text = v.map(Formats::ms).orElse(id == null ? "no backend" : "no " + id + " result");
            if (v.isPresent() && i != b && b < ms.size() && ms.get(b).isPresent()) {
                text += "  (" + Formats.delta(v.get(), ms.get(b).get()) + ")";
            }
            cells.add(text);
        }
        return new CompareRow("Median [ms] " + (id == null ? "measured" : id), cells);
    }

    private List<CompareRow> layerRows(List<NetworkStats> stats) {
        Map<String, Map<Integer, LayerStats>> byName = new LinkedHashMap<>();
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (int i = 0; i < stats.size(); i++) {
            for (LayerStats l : stats.get(i).layers()) {
                order.add(l.name());
                byName.computeIfAbsent(l.name(), k -> new LinkedHashMap<>()).put(i, l);
            }
        }
        int b = baseline.get();
        List<CompareRow> rows = new ArrayList<>();
        for (String name : order) {
            Map<Integer, LayerStats> m = byName.get(name);
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < stats.size(); i++) {
                LayerStats l = m.get(i);
                if (l == null) {
                    cells.add("absent");
                    continue;
                }
                String text = Formats.count(l.macs());
                LayerStats base = m.get(b);
                if (i != b && base != null && l.macs() + base.macs() > 0) {
                    text += "  (" + Formats.delta(l.macs(), base.macs()) + ")";
                }
                cells.add(text);
            }
            rows.add(new CompareRow(name, cells));
        }
        return rows;
    }

    public ObservableList<MobileNetConfig> pinned() {
        return pinned;
    }

    public IntegerProperty baselineProperty() {
        return baseline;
    }

    public ObservableList<CompareRow> totals() {
        return totals;
    }

    public ObservableList<CompareRow> layers() {
        return layers;
    }

    /** Costs per stage (MACs rows, then params rows), for configurations of any families. */
    public ObservableList<CompareRow> stages() {
        return stages;
    }

    /** Why the per-layer table is empty (nothing pinned, or families that do not align), else empty. */
    public ReadOnlyStringProperty layersNoteProperty() {
        return layersNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
