package org.mobilenetexplorer.ui.learn;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Shape;
import org.mobilenetexplorer.published.KnownMisprint;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.ui.common.Formats;

/**
 * The Learn view's state: the paper's cost formulas for one separable block with the live numbers of the
 * current configuration, the Table 3 walk-through at the current alpha and rho, and the published figures our
 * arithmetic does not reproduce. Every number is computed with {@link CostModel} on real layer shapes.
 */
public final class LearnViewModel {
    /** The layer of the paper's Table 3: 3x3, 512 -> 512 channels, 14x14 feature map. */
    static final int T3_KERNEL = 3;
    static final int T3_CHANNELS = 512;
    static final int T3_MAP = 14;
    static final String T3_LAYER = "Conv2d_7_depthwise";

    private final ObservableList<Integer> blocks = FXCollections.observableArrayList();
    private final IntegerProperty block = new SimpleIntegerProperty(this, "block", 1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper symbols = new ReadOnlyStringWrapper(this, "symbols", "");
    private final ReadOnlyStringWrapper standard = new ReadOnlyStringWrapper(this, "standard", "");
    private final ReadOnlyStringWrapper separable = new ReadOnlyStringWrapper(this, "separable", "");
    private final ReadOnlyStringWrapper ratio = new ReadOnlyStringWrapper(this, "ratio", "");
    private final ReadOnlyStringWrapper ratioFormula = new ReadOnlyStringWrapper(this, "ratioFormula", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ObservableList<Table3Row> table3 = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper table3Caption = new ReadOnlyStringWrapper(this, "table3Caption", "");
    private final ObservableList<MisprintRow> misprints = FXCollections.observableArrayList();
    private final ObservableValue<NetworkStats> stats;

    public LearnViewModel(ObservableValue<NetworkStats> stats, PublishedData published) {
        this.stats = stats;
        misprints.setAll(misprintsOf(published));
        stats.addListener((o, a, s) -> update());
        block.addListener(o -> update());
        update();
    }

    /** Shows the block of {@code layerName} when it belongs to one (the Explore table's selection). */
    public void selectLayer(String layerName) {
        NetworkStats s = stats.getValue();
        if (s == null || layerName == null) {
            return;
        }
        s.layers().stream().filter(l -> l.name().equals(layerName) && l.layer().block() > 0).findFirst()
                .ifPresent(l -> block.set(l.layer().block()));
    }

    private void update() {
        NetworkStats s = stats.getValue();
        if (s == null) {
            return;
        }
        List<Integer> ids = s.layers().stream().map(l -> l.layer().block()).filter(b -> b > 0).distinct().toList();
        if (!blocks.equals(ids)) {
            blocks.setAll(ids);
        }
        if (!ids.contains(block.get())) {
            block.set(ids.get(0));
            return; // the listener runs update again
        }
        formulas(s, block.get());
        table3(s.config());
    }

    private void formulas(NetworkStats s, int b) {
        List<LayerSpec> layers = s.layers().stream().map(l -> l.layer()).filter(l -> l.block() == b).toList();
        LayerSpec first = layers.get(0);
        LayerSpec last = layers.get(layers.size() - 1);
        int dk = first.kernel();
        int m = first.input().c();
        int n = last.output().c();
        int df = last.output().h();
        LayerSpec conv = new LayerSpec(0, "conv", LayerKind.CONV, dk, first.stride(), first.input(),
                last.output(), b);
        LayerSpec dw = new LayerSpec(0, "dw", LayerKind.DEPTHWISE, dk, first.stride(), first.input(),
                new Shape(df, df, m), b);
        LayerSpec pw = new LayerSpec(1, "pw", LayerKind.POINTWISE, 1, 1, dw.output(), last.output(), b);
        long std = CostModel.macs(conv);
        long dwMacs = CostModel.macs(dw);
        long pwMacs = CostModel.macs(pw);
        long sep = dwMacs + pwMacs;
        String names = layers.stream().map(LayerSpec::name).reduce((x, y) -> x + " + " + y).orElse("");
        title.set("Block " + b + " of " + s.config().label() + ": " + names + " (stride " + first.stride() + ")");
        symbols.set("D_K = " + dk + "   M = " + m + "   N = " + n + "   D_F = " + df);
        standard.set("Standard convolution:  D_K·D_K·M·N·D_F·D_F = " + dk + "·" + dk + "·" + m + "·" + n + "·" + df
                + "·" + df + " = " + Formats.count(std));
        separable.set("Depthwise separable:  D_K·D_K·M·D_F·D_F + M·N·D_F·D_F = " + Formats.count(dwMacs) + " + "
                + Formats.count(pwMacs) + " = " + Formats.count(sep));
        ratio.set("Ratio:  " + Formats.count(sep) + " / " + Formats.count(std) + " = "
                + Formats.fixed(sep / (double) std, 5) + "  →  " + Formats.fixed(std / (double) sep, 2)
                + "× fewer multiply-adds");
        ratioFormula.set("1/N + 1/D_K² = 1/" + n + " + 1/" + (dk * dk) + " = "
                + Formats.fixed(1.0 / n + 1.0 / (dk * dk), 5));
        note.set(s.config().standardConv()
                ? "This configuration uses full 3x3 convolutions (standard-conv): the network runs the first cost."
                : "This configuration runs the separable cost; the standard one is what a full 3x3 convolution of"
                + " the same shape would cost.");
    }

    private void table3(MobileNetConfig c) {
        int channels = c.rounding().apply(T3_CHANNELS, c.alpha());
        int map = ArchitectureSpec.of(new MobileNetConfig(1.0, c.resolution())).layer(T3_LAYER).input().h();
        table3.setAll(
                t3("Convolution 3x3, 512 -> 512 at 14x14", LayerKind.CONV, T3_CHANNELS, T3_MAP, "462", "2.36"),
                t3("Depthwise separable conv", null, T3_CHANNELS, T3_MAP, "52.3", "0.27"),
                t3("alpha = " + MobileNetConfig.fmt(c.alpha()) + " (" + channels + " channels)", null, channels,
                        T3_MAP, "29.6", "0.15"),
                t3("rho = " + Formats.fixed(c.rho(), 3) + " (" + map + "x" + map + " map)", null, channels, map,
                        "15.1", "0.15"));
        table3Caption.set("Paper Table 3 at alpha = " + MobileNetConfig.fmt(c.alpha()) + ", rho = "
                + Formats.fixed(c.rho(), 3) + " (" + c.rounding().id() + " rounding). The paper printed alpha = 0.75,"
                + " rho = 0.714 (160 px).");
    }

    private static Table3Row t3(String step, LayerKind full, int ch, int map, String paperMacs, String paperParams) {
        Shape in = new Shape(map, map, ch);
        long macs;
        long params;
        if (full == LayerKind.CONV) {
            LayerSpec conv = new LayerSpec(0, "conv", LayerKind.CONV, T3_KERNEL, 1, in, in, 0);
            macs = CostModel.macs(conv);
            params = CostModel.params(conv);
        } else {
            LayerSpec dw = new LayerSpec(0, "dw", LayerKind.DEPTHWISE, T3_KERNEL, 1, in, in, 0);
            LayerSpec pw = new LayerSpec(1, "pw", LayerKind.POINTWISE, 1, 1, in, in, 0);
            macs = CostModel.macs(dw) + CostModel.macs(pw);
            params = CostModel.params(dw) + CostModel.params(pw);
        }
        return new Table3Row(step, Formats.fixed(macs / 1e6, 1), Formats.fixed(params / 1e6, 2), paperMacs,
                paperParams);
    }

    /**
     * The known differences between published tables and the arithmetic, as the reference data records them
     * (misprints, and numbers counted with another convention).
     */
    static List<MisprintRow> misprintsOf(PublishedData published) {
        List<MisprintRow> out = new ArrayList<>();
        for (KnownMisprint m : published.knownMisprints()) {
            String unit = switch (m.quantity()) {
                case MILLION_MACS -> " M MACs";
                case MILLION_PARAMS -> " M params";
                case MAC_SHARE_PERCENT -> " % of MACs";
                case PARAM_SHARE_PERCENT -> " % of params";
            };
            out.add(new MisprintRow(m.where(), m.type(), number(m.printed()) + unit, number(m.arithmetic()) + unit,
                    m.explanation()));
        }
        return out;
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    public ObservableList<Integer> blocks() {
        return blocks;
    }

    public IntegerProperty blockProperty() {
        return block;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty symbolsProperty() {
        return symbols.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty standardProperty() {
        return standard.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty separableProperty() {
        return separable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ratioProperty() {
        return ratio.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ratioFormulaProperty() {
        return ratioFormula.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ObservableList<Table3Row> table3() {
        return table3;
    }

    public ReadOnlyStringProperty table3CaptionProperty() {
        return table3Caption.getReadOnlyProperty();
    }

    public ObservableList<MisprintRow> misprints() {
        return misprints;
    }
}
