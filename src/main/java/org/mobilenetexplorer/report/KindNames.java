package org.mobilenetexplorer.report;

import org.mobilenetexplorer.model.LayerKind;

/** The row names of the paper's Table 2 ("Resource per layer type"). */
final class KindNames {
    private KindNames() {
    }

    static String table2(LayerKind k) {
        return switch (k) {
            case CONV -> "Conv 3x3";
            case DEPTHWISE -> "Conv DW 3x3";
            case POINTWISE -> "Conv 1x1";
            case FC -> "Fully Connected";
            case AVG_POOL -> "Avg Pool";
            case SOFTMAX -> "Softmax";
        };
    }
}
