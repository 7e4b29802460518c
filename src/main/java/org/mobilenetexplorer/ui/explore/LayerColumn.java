package org.mobilenetexplorer.ui.explore;

import java.util.function.Function;
import org.mobilenetexplorer.ui.common.Formats;

/**
 * The layer table's columns as data: one constant gives the header (with its unit), the tooltip, the sortable
 * value and its text. The view builds one column per constant; nothing else names a column.
 */
public enum LayerColumn {
    INDEX(40, "#", "Position in execution order (0-based)", r -> r.stats().index(), String::valueOf),
    NAME(165, "Layer", "TF-Slim layer name", r -> r.stats().name(), String::valueOf),
    KIND(80, "Kind", "Layer kind as in the paper's Table 2 (Conv, Conv dw, Conv 1x1, Avg Pool, FC, Softmax)",
            r -> r.stats().kind().paperName(), String::valueOf),
    KERNEL(72, "D_K [px]", "Kernel size D_K (square); the pool's kernel is its whole input",
            r -> r.stats().layer().kernel(), String::valueOf),
    STRIDE(62, "Stride", "Stride; output = ceil(input / stride) (TF 'SAME' padding)",
            r -> r.stats().layer().stride(), String::valueOf),
    INPUT(118, "Input [HxWxC]", "Input feature map: height x width x channels (M = channels)",
            r -> r.stats().layer().input().elements(), null),
    OUTPUT(125, "Output [HxWxC]", "Output feature map: D_F x D_F x N",
            r -> r.stats().layer().output().elements(), null),
    MACS(120, "MACs [count]", "Multiply-adds of one forward pass at batch 1 (exact)",
            r -> r.stats().macs(), v -> Formats.count((Long) v)),
    MAC_SHARE(82, "MACs [%]", "This layer's share of the network's MACs",
            LayerRow::macShare, v -> Formats.percent((Double) v)),
    PARAMS(118, "Params [count]", "Weights + biases (convolutions followed by batch norm have no bias; the FC has one)",
            r -> r.stats().params(), v -> Formats.count((Long) v)),
    PARAM_SHARE(90, "Params [%]", "This layer's share of the network's params",
            LayerRow::paramShare, v -> Formats.percent((Double) v)),
    BN_PARAMS(138, "BN params [count]", "Batch-norm values: 4 per output channel (gamma, beta, mean, variance)",
            r -> r.stats().bnParams(), v -> Formats.count((Long) v)),
    OUT_ELEMENTS(148, "Activations [count]", "Output activation elements at batch 1",
            r -> r.stats().outputElements(), v -> Formats.count((Long) v)),
    OUT_BYTES(130, "Activations [KiB]", "Output activation memory in FP32 (4 bytes per element)",
            r -> r.stats().outputBytes(), v -> Formats.bytes((Long) v));

    private final double width;
    private final String title;
    private final String tooltip;
    private final Function<LayerRow, Comparable<?>> value;
    private final Function<Object, String> text;

    LayerColumn(double width, String title, String tooltip, Function<LayerRow, Comparable<?>> value,
                Function<Object, String> text) {
        this.width = width;
        this.title = title;
        this.tooltip = tooltip;
        this.value = value;
        this.text = text;
    }

    /** Preferred width in pixels at the normal font size (wide enough for the header). */
    public double width() {
        return width;
    }

    public String title() {
        return title;
    }

    public String tooltip() {
        return tooltip;
    }

    /** The value the column sorts by. */
    public Comparable<?> value(LayerRow row) {
        return value.apply(row);
    }

    /** The text the cell shows. Shapes sort by element count but show HxWxC. */
    public String text(LayerRow row) {
        return switch (this) {
            case INPUT -> row.stats().layer().input().toString();
            case OUTPUT -> row.stats().layer().output().toString();
            default -> text.apply(value(row));
        };
    }

    /** True for numeric columns (right-aligned). */
    public boolean numeric() {
        return switch (this) {
            case NAME, KIND -> false;
            default -> true;
        };
    }

    /** A stable id for the column (tests and CSS). */
    public String id() {
        return "col-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
