package org.mobilenetexplorer.ui.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mobilenetexplorer.model.BlockSpec;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.KindShare;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.published.PublishedSource;
import org.mobilenetexplorer.ui.common.Formats;

/**
 * The Explore view's state: the cost analysis of the current configuration as table rows, totals, shares by
 * kind and the published figures for it. Recomputed synchronously on every configuration change (a full
 * analysis takes microseconds; see the update-path benchmark), so a moving slider updates everything live.
 * Also the layer selected in the table, which other views follow.
 *
 * <p>The layer table is a tree ({@link #tree()}): the layers of each block (V1's depthwise-separable pair, V2/V3's
 * inverted residual, with V3's squeeze-and-excite as a group inside) under one row with their totals. The network
 * drawing has one box per top-level row ({@link #drawing(double, double)}). The selection is a row key
 * ({@link #selectedRowProperty()}: a layer's name or a group's scope); selecting a group tells other views its first
 * layer ({@link #selectedLayerProperty()}).
 */
public final class ExploreViewModel {
    private final PublishedData published;
    private final ReadOnlyObjectWrapper<NetworkStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final ObservableList<LayerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<KindShare> shares = FXCollections.observableArrayList();
    private final ObservableList<PublishedRow> publishedRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totalMacs = new ReadOnlyStringWrapper(this, "totalMacs", "");
    private final ReadOnlyStringWrapper totalParams = new ReadOnlyStringWrapper(this, "totalParams", "");
    private final ReadOnlyStringWrapper totalOther = new ReadOnlyStringWrapper(this, "totalOther", "");
    private final ReadOnlyStringWrapper publishedSummary = new ReadOnlyStringWrapper(this, "publishedSummary", "");
    private final StringProperty selectedLayer = new SimpleStringProperty(this, "selectedLayer");
    private final StringProperty selectedRow = new SimpleStringProperty(this, "selectedRow");
    private final ReadOnlyObjectWrapper<List<LayerTableRow>> tree = new ReadOnlyObjectWrapper<>(this, "tree",
            List.of());
    /** The user's expand/collapse choices by group key; groups without one follow {@link #expandedByDefault}. */
    private final Map<String, Boolean> expanded = new HashMap<>();
    private boolean expandedByDefault = true;
    private boolean propagating;
    private Family family;

    public ExploreViewModel(ObservableValue<MobileNetConfig> config, PublishedData published) {
        this.published = published;
        selectedRow.addListener((o, a, key) -> rowSelected(key));
        selectedLayer.addListener((o, a, name) -> layerSelected(name));
        config.addListener((o, a, c) -> update(c));
        update(config.getValue());
    }

    /** The whole update path: configuration -> analysis -> rows, totals, shares, published figures. */
    public void update(MobileNetConfig config) {
        NetworkStats s = NetworkStats.of(config);
        Totals t = s.totals();
        List<LayerRow> newRows = new ArrayList<>(s.layers().size());
        for (LayerStats l : s.layers()) {
            newRows.add(new LayerRow(l, t.macs() == 0 ? 0 : l.macs() / (double) t.macs(),
                    t.params() == 0 ? 0 : l.params() / (double) t.params()));
        }
        rows.setAll(newRows);
        if (config.family() != family) {
            family = config.family();
            expanded.clear();
            expandedByDefault = family == Family.V1;
        }
        tree.set(group(s, newRows, t));
        shares.setAll(s.byKind().values());
        totalMacs.set(Formats.count(t.macs()) + " MACs (" + Formats.millions(t.macs()) + ")");
        totalParams.set(Formats.count(t.params()) + " params (" + Formats.count(t.weights()) + " weights + "
                + Formats.count(t.params() - t.weights()) + " biases) + " + Formats.count(t.bnParams())
                + " batch-norm");
        totalOther.set(t.layers() + " layers · peak activations " + Formats.bytes(t.peakActivationBytes()) + " at "
                + t.peakLayer() + " · FP32 parameters " + Formats.bytes(t.parameterBytes()));
        List<PublishedRow> pub = new ArrayList<>();
        for (PublishedFigure f : published.describing(config)) {
            PublishedSource src = published.source(f.sourceId()).orElse(null);
            pub.add(PublishedRows.row(f, src == null ? f.sourceText() : src.citation(), t, published));
        }
        publishedRows.setAll(pub);
        publishedSummary.set(pub.isEmpty()
                ? config.family() == Family.V1
                ? "No published figures for " + config.label() + " (published tables cover the paper's and TF-Slim's"
                + " variants)."
                : "No published figures for " + config.label() + " in the comparison data."
                : pub.size() + " published figure" + (pub.size() == 1 ? "" : "s") + " for " + config.label()
                + ": " + pub.stream().filter(PublishedRow::matches).count() + " reproduced by our arithmetic.");
        stats.set(s);
    }

    /** The top-level rows: each block as a group of its layers, the layers outside blocks as themselves. */
    private static List<LayerTableRow> group(NetworkStats s, List<LayerRow> layers, Totals t) {
        List<LayerTableRow> top = new ArrayList<>();
        int i = 0;
        while (i < layers.size()) {
            LayerRow l = layers.get(i);
            int blockNo = l.stats().layer().block();
            if (blockNo == 0) {
                top.add(l);
                i++;
                continue;
            }
            BlockSpec b = s.spec().block(blockNo);
            List<LayerRow> members = layers.subList(b.firstLayer(), b.lastLayer() + 1);
            top.add(members.size() == 1 ? l : GroupRow.ofBlock(b, members, t.macs(), t.params()));
            i = b.lastLayer() + 1;
        }
        return List.copyOf(top);
    }

    /** The layer table's rows as a tree (top level: blocks and the layers outside blocks). */
    public ReadOnlyObjectProperty<List<LayerTableRow>> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public List<LayerTableRow> tree() {
        return tree.get();
    }

    /** The network drawing of the current configuration in {@code width} x {@code height} pixels. */
    public NetworkDrawing drawing(double width, double height) {
        return NetworkDrawing.layout(tree.get(), width, height);
    }

    /** The row with {@code key} at any depth, if the current tree has one. */
    public Optional<LayerTableRow> row(String key) {
        return key == null ? Optional.empty() : find(tree.get(), key);
    }

    private static Optional<LayerTableRow> find(List<LayerTableRow> rows, String key) {
        for (LayerTableRow r : rows) {
            if (r.key().equals(key)) {
                return Optional.of(r);
            }
            if (r.contains(key)) {
                return find(r.children(), key);
            }
        }
        return Optional.empty();
    }

    /** The key of the drawing's box that holds row {@code key} (its top-level row), if any. */
    public Optional<String> boxKeyOf(String key) {
        return key == null ? Optional.empty()
                : tree.get().stream().filter(r -> r.contains(key)).map(LayerTableRow::key).findFirst();
    }

    /** The keys of the groups that contain row {@code key} (outermost first): to expand before selecting it. */
    public List<String> ancestorsOf(String key) {
        List<String> out = new ArrayList<>();
        List<LayerTableRow> level = tree.get();
        boolean descended = true;
        while (descended) {
            descended = false;
            for (LayerTableRow r : level) {
                if (!r.key().equals(key) && r.contains(key)) {
                    out.add(r.key());
                    level = r.children();
                    descended = true;
                    break;
                }
            }
        }
        return out;
    }

    /** Whether group {@code key} shows its layers: the user's choice, else expanded for V1 and collapsed otherwise. */
    public boolean isExpanded(String key) {
        return expanded.getOrDefault(key, expandedByDefault);
    }

    /** Remembers the user's expand/collapse choice for group {@code key} (kept across live updates). */
    public void setExpanded(String key, boolean value) {
        expanded.put(key, value);
    }

    /** Expands (or collapses) every group of the current tree. */
    public void setAllExpanded(boolean value) {
        expanded.clear();
        expandedByDefault = value;
        forEachGroup(tree.get(), g -> expanded.put(g.key(), value));
    }

    private static void forEachGroup(List<LayerTableRow> rows, java.util.function.Consumer<GroupRow> action) {
        for (LayerTableRow r : rows) {
            if (r instanceof GroupRow g) {
                action.accept(g);
                forEachGroup(g.children(), action);
            }
        }
    }

    /** A row chosen in the table or the drawing: other views follow its (first) layer. */
    private void rowSelected(String key) {
        if (propagating || key == null) {
            return;
        }
        propagating = true;
        try {
            row(key).ifPresent(r -> selectedLayer.set(r.layers().get(0).key()));
        } finally {
            propagating = false;
        }
    }

    /** A layer chosen elsewhere: selected in the table, unless the selected group already holds it. */
    private void layerSelected(String name) {
        if (propagating || name == null) {
            return;
        }
        propagating = true;
        try {
            String current = selectedRow.get();
            boolean heldByGroup = current != null && row(current).map(r -> r instanceof GroupRow && r.contains(name))
                    .orElse(false);
            if (!heldByGroup) {
                selectedRow.set(name);
            }
        } finally {
            propagating = false;
        }
    }

    /**
     * The selected row's key: a layer's name or a group's scope (null for none). The table and the drawing show it;
     * it survives live updates as long as the row exists.
     */
    public StringProperty selectedRowProperty() {
        return selectedRow;
    }

    /** The counting convention of the current configuration's family (V2/V3 name h-swish, adds, SE), shown beside the totals. */
    public String convention() {
        NetworkStats s = statsProperty().get();
        return s == null ? CostModel.CONVENTION : CostModel.convention(s.config().family());
    }

    /** The name of the layer selected in the table (null for none); the Learn view explains its block. */
    public StringProperty selectedLayerProperty() {
        return selectedLayer;
    }

    public ReadOnlyObjectProperty<NetworkStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ObservableList<LayerRow> rows() {
        return rows;
    }

    public ObservableList<KindShare> shares() {
        return shares;
    }

    public ObservableList<PublishedRow> publishedRows() {
        return publishedRows;
    }

    public ReadOnlyStringProperty totalMacsProperty() {
        return totalMacs.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalParamsProperty() {
        return totalParams.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalOtherProperty() {
        return totalOther.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty publishedSummaryProperty() {
        return publishedSummary.getReadOnlyProperty();
    }
}
