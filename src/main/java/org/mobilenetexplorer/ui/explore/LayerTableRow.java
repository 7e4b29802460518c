package org.mobilenetexplorer.ui.explore;

import java.util.List;
import org.mobilenetexplorer.model.Shape;

/**
 * A row of the layer table: one layer ({@link LayerRow}) or a group of them ({@link GroupRow}: a block, or
 * squeeze-and-excite inside a block), with the facts the columns show. A group shows its layers' totals.
 */
public sealed interface LayerTableRow permits LayerRow, GroupRow {

    /** Unique within a network: the layer's name, or the group's TF-Slim scope. */
    String key();

    /** The first layer's index (execution order). */
    int index();

    /** The index as the table shows it: {@code 7}, or {@code 7-10} for a group. */
    String indexText();

    /** The kind as the table shows it: the paper's layer kind, or the group's ("Inv. residual"). */
    String kindText();

    /** Kernel size: the layer's, or the largest convolution kernel of a group. */
    int kernel();

    /** Stride: the layer's, or the product of a group's strides. */
    int stride();

    /** Input of the (first) layer. */
    Shape input();

    /** Output of the (last) layer. */
    Shape output();

    long macs();

    double macShare();

    long params();

    double paramShare();

    long bnParams();

    /** Output activation elements; a group's sum over its layers. */
    long outputElements();

    /** Output activation bytes (FP32); a group's sum over its layers. */
    long outputBytes();

    /** The layers this row stands for, in execution order (a layer: itself). */
    List<LayerRow> layers();

    /** The rows inside this one (empty for a layer). */
    List<LayerTableRow> children();

    /** True when {@code key} is this row's or one of its descendants'. */
    default boolean contains(String key) {
        if (key().equals(key)) {
            return true;
        }
        for (LayerTableRow c : children()) {
            if (c.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
