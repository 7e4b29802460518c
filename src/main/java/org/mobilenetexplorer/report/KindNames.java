package org.mobilenetexplorer.report;

import java.util.stream.Collectors;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.NetworkStats;

/**
 * The row names of the by-kind table, in the style of the V1 paper's Table 2 ("Resource per layer type"). The
 * convolutions name the kernel sizes present ({@code Conv DW 3x3}, V3's {@code Conv DW 3x3/5x5}).
 */
final class KindNames {
    private KindNames() {
    }

    static String table2(LayerKind k, NetworkStats stats) {
        return switch (k) {
            case CONV -> "Conv " + kernels(k, stats);
            case DEPTHWISE -> "Conv DW " + kernels(k, stats);
            case POINTWISE -> "Conv 1x1";
            case SE_CONV -> "SE Conv 1x1";
            case FC -> "Fully Connected";
            case AVG_POOL -> "Avg Pool";
            case SOFTMAX -> "Softmax";
            case ADD -> "Add (residual)";
            case MULTIPLY -> "Multiply (SE)";
        };
    }

    /** {@code 3x3}, or {@code 3x3/5x5} when a kind has several kernel sizes (3x3 when absent). */
    private static String kernels(LayerKind k, NetworkStats stats) {
        String s = stats.layers().stream().filter(l -> l.kind() == k).map(l -> l.layer().kernel()).distinct().sorted()
                .map(n -> n + "x" + n).collect(Collectors.joining("/"));
        return s.isEmpty() ? "3x3" : s;
    }
}
