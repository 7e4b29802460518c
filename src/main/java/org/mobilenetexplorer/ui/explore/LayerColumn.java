package org.mobilenetexplorer.ui.explore;

import java.util.function.Function;
import org.mobilenetexplorer.ui.common.Formats;

/**
 * The layer table's columns as data: one constant gives the header (with its unit), the tooltip, the sortable
 * value and its text. The view builds one column per constant; nothing else names a column.
 */
public enum LayerColumn {
    INDEX(40, "#", "Position in execution order (0-based); a block row gives its first and last layer",
            LayerTableRow::index, null),
    NAME(165, "Layer", "TF-Slim layer name; a block row (its scope) expands into its layers",
            LayerTableRow::key, String::valueOf),
    KIND(80, "Kind", "Layer kind as in the V1 paper's Table 2 (Conv, Conv dw, Conv 1x1, Avg Pool, FC, Softmax), and"
            + " V2/V3's SE 1x1, Add and Multiply; block rows: Separable (depthwise + pointwise), Inv. residual"
            + " (expand, depthwise, project; + add with the residual connection), Squeeze-excite",
            LayerTableRow::kindText, String::valueOf),
    KERNEL(72, "D_K [px]", "Kernel size D_K (square); the pool's kernel is its whole input; a block: its largest"
            + " convolution kernel", LayerTableRow::kernel, String::valueOf),
    STRIDE(62, "Stride", "Stride; output = ceil(input / stride) (TF 'SAME' padding); a block: its overall stride",
            LayerTableRow::stride, String::valueOf),
    INPUT(118, "Input [HxWxC]", "Input feature map: height x width x channels (M = channels)",
            r -> r.input().elements(), null),
    OUTPUT(125, "Output [HxWxC]", "Output feature map: D_F x D_F x N",
            r -> r.output().elements(), null),
    MACS(120, "MACs [count]", "Multiply-adds of one forward pass at batch 1 (exact); a block: the sum of its layers",
            LayerTableRow::macs, v -> Formats.count((Long) v)),
    MAC_SHARE(82, "MACs [%]", "This layer's (block's) share of the network's MACs",
            LayerTableRow::macShare, v -> Formats.percent((Double) v)),
    PARAMS(118, "Params [count]", "Weights + biases (convolutions followed by batch norm have no bias; the FC and"
            + " squeeze-and-excite's 1x1 convolutions have one); a block: the sum of its layers",
            LayerTableRow::params, v -> Formats.count((Long) v)),
    PARAM_SHARE(90, "Params [%]", "This layer's (block's) share of the network's params",
            LayerTableRow::paramShare, v -> Formats.percent((Double) v)),
    BN_PARAMS(138, "BN params [count]", "Batch-norm values: 4 per output channel (gamma, beta, mean, variance)",
            LayerTableRow::bnParams, v -> Formats.count((Long) v)),
    OUT_ELEMENTS(148, "Activations [count]", "Output activation elements at batch 1; a block: the sum over its"
            + " layers' outputs", LayerTableRow::outputElements, v -> Formats.count((Long) v)),
    OUT_BYTES(130, "Activations [KiB]", "Output activation memory in FP32 (4 bytes per element); a block: the sum"
            + " over its layers' outputs", LayerTableRow::outputBytes, v -> Formats.bytes((Long) v));

    private final double width;
    private final String title;
    private final String tooltip;
    private final Function<LayerTableRow, Comparable<?>> value;
    private final Function<Object, String> text;

    LayerColumn(double width, String title, String tooltip, Function<LayerTableRow, Comparable<?>> value,
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
    public Comparable<?> value(LayerTableRow row) {
        return value.apply(row);
    }

    /** The text the cell shows. Shapes sort by element count but show HxWxC. */
    public String text(LayerTableRow row) {
        return switch (this) {
            case INDEX -> row.indexText();
            case INPUT -> row.input().toString();
            case OUTPUT -> row.output().toString();
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
