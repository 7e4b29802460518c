package org.mobilenetexplorer.model;

import static org.mobilenetexplorer.model.ActivationFunction.HARD_SWISH;
import static org.mobilenetexplorer.model.ActivationFunction.RELU;

import java.util.List;

/**
 * MobileNet v3 as TF-Slim defines it ({@code research/slim/nets/mobilenet/mobilenet_v3.py}): {@code V3_LARGE},
 * {@code V3_SMALL} and their minimalistic variants (no squeeze-and-excite, no h-swish, 3 x 3 kernels only), each row
 * as TF-Slim's {@code mbv3_op(ef, n, k, s, act)} / {@code mbv3_op_se}. Squeeze-and-excite sits after the depthwise,
 * squeezes to make_divisible(channels / 4) with ReLU and gates with hard-sigmoid. The head: a 1 x 1 convolution
 * (960 / 576, batch norm), the global pool ({@code reduce_to_1x1}), then a 1 x 1 convolution to 1280 / 1024 with a
 * bias and no batch norm, which keeps its width for alpha &lt; 1 (finegrain classification mode, as the published
 * 0.75 checkpoints). The minimalistic tables are written out as TF-Slim writes them, not derived.
 */
public final class MobileNetV3 {
    private MobileNetV3() {
    }

    private static OpDef op(double ef, int n, int k, int s) {
        return OpDef.expanded(ef, n, k, s, false, RELU);
    }

    private static OpDef op(double ef, int n, int k, int s, ActivationFunction act) {
        return OpDef.expanded(ef, n, k, s, false, act);
    }

    private static OpDef opSe(double ef, int n, int k, int s) {
        return OpDef.expanded(ef, n, k, s, true, RELU);
    }

    private static OpDef opSe(double ef, int n, int k, int s, ActivationFunction act) {
        return OpDef.expanded(ef, n, k, s, true, act);
    }

    private static OpDef lastConv(int n, ActivationFunction act) {
        return OpDef.conv(1, 1, n, act).withoutBatchNorm().keepingFullWidth();
    }

    /** {@code V3_LARGE['spec']}. */
    public static final List<OpDef> LARGE = List.of(
            OpDef.conv(3, 2, 16, HARD_SWISH),
            op(1, 16, 3, 1),
            op(4, 24, 3, 2),
            op(3, 24, 3, 1),
            opSe(3, 40, 5, 2),
            opSe(3, 40, 5, 1),
            opSe(3, 40, 5, 1),
            op(6, 80, 3, 2, HARD_SWISH),
            op(2.5, 80, 3, 1, HARD_SWISH),
            op(184 / 80., 80, 3, 1, HARD_SWISH),
            op(184 / 80., 80, 3, 1, HARD_SWISH),
            opSe(6, 112, 3, 1, HARD_SWISH),
            opSe(6, 112, 3, 1, HARD_SWISH),
            opSe(6, 160, 5, 2, HARD_SWISH),
            opSe(6, 160, 5, 1, HARD_SWISH),
            opSe(6, 160, 5, 1, HARD_SWISH),
            OpDef.conv(1, 1, 960, HARD_SWISH),
            OpDef.pool(),
            lastConv(1280, HARD_SWISH));

    /** {@code V3_LARGE_MINIMALISTIC['spec']}. */
    public static final List<OpDef> LARGE_MINIMALISTIC = List.of(
            OpDef.conv(3, 2, 16, RELU),
            op(1, 16, 3, 1),
            op(4, 24, 3, 2),
            op(3, 24, 3, 1),
            op(3, 40, 3, 2),
            op(3, 40, 3, 1),
            op(3, 40, 3, 1),
            op(6, 80, 3, 2),
            op(2.5, 80, 3, 1),
            op(184 / 80., 80, 3, 1),
            op(184 / 80., 80, 3, 1),
            op(6, 112, 3, 1),
            op(6, 112, 3, 1),
            op(6, 160, 3, 2),
            op(6, 160, 3, 1),
            op(6, 160, 3, 1),
            OpDef.conv(1, 1, 960, RELU),
            OpDef.pool(),
            lastConv(1280, RELU));

    /** {@code V3_SMALL['spec']}. */
    public static final List<OpDef> SMALL = List.of(
            OpDef.conv(3, 2, 16, HARD_SWISH),
            opSe(1, 16, 3, 2),
            op(72. / 16, 24, 3, 2),
            op(88. / 24, 24, 3, 1),
            opSe(4, 40, 5, 2, HARD_SWISH),
            opSe(6, 40, 5, 1, HARD_SWISH),
            opSe(6, 40, 5, 1, HARD_SWISH),
            opSe(3, 48, 5, 1, HARD_SWISH),
            opSe(3, 48, 5, 1, HARD_SWISH),
            opSe(6, 96, 5, 2, HARD_SWISH),
            opSe(6, 96, 5, 1, HARD_SWISH),
            opSe(6, 96, 5, 1, HARD_SWISH),
            OpDef.conv(1, 1, 576, HARD_SWISH),
            OpDef.pool(),
            lastConv(1024, HARD_SWISH));

    /** {@code V3_SMALL_MINIMALISTIC['spec']}. */
    public static final List<OpDef> SMALL_MINIMALISTIC = List.of(
            OpDef.conv(3, 2, 16, RELU),
            op(1, 16, 3, 2),
            op(72. / 16, 24, 3, 2),
            op(88. / 24, 24, 3, 1),
            op(4, 40, 3, 2),
            op(6, 40, 3, 1),
            op(6, 40, 3, 1),
            op(3, 48, 3, 1),
            op(3, 48, 3, 1),
            op(6, 96, 3, 2),
            op(6, 96, 3, 1),
            op(6, 96, 3, 1),
            OpDef.conv(1, 1, 576, RELU),
            OpDef.pool(),
            lastConv(1024, RELU));
}
