package org.mobilenetexplorer.ui.explore;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mobilenetexplorer.model.CostModel;
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

    public ExploreViewModel(ObservableValue<MobileNetConfig> config, PublishedData published) {
        this.published = published;
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
                ? "No published figures for " + config.label() + " (published tables cover the paper's and TF-Slim's"
                + " variants)."
                : pub.size() + " published figure" + (pub.size() == 1 ? "" : "s") + " for " + config.label()
                + ": " + pub.stream().filter(PublishedRow::matches).count() + " reproduced by our arithmetic.");
        stats.set(s);
    }

    /** The counting convention, shown beside the totals. */
    public String convention() {
        return CostModel.CONVENTION;
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
