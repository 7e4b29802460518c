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
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.ui.common.Formats;

/**
 * The Compare view's state: 2 to 6 pinned configurations, their totals side by side with deltas against the
 * chosen baseline, per-layer MAC differences, and their measured latency where a benchmark result exists.
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
    private final ObservableList<CompareRow> layers = FXCollections.observableArrayList();
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
        rows.add(metric("Layers [count]", stats, t -> t.layers(), 0));
        rows.add(topOne(stats));
        rows.add(measured());
        totals.setAll(rows);
        layers.setAll(layerRows(stats));
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

    private CompareRow topOne(List<NetworkStats> stats) {
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

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
