package org.mobilenetexplorer.model;

import static org.mobilenetexplorer.model.ActivationFunction.RELU6;

import java.util.List;

/**
 * MobileNet v2 as TF-Slim defines it ({@code research/slim/nets/mobilenet/mobilenet_v2.py}, {@code V2_DEF}): a 3 x 3
 * stem, 17 {@code expanded_conv} blocks (expansion 6, except the first block: expansion 1 with
 * {@code divisible_by=1}, so it has no expansion convolution) and a 1 x 1 convolution to 1280 that keeps its width for
 * alpha &lt; 1 (TF-Slim's {@code finegrain_classification_mode}, used by every published checkpoint below 1.0). ReLU6
 * everywhere but the linear projections. The classifier (global pool, logits, softmax) is appended by the builder.
 */
public final class MobileNetV2 {
    private MobileNetV2() {
    }

    private static OpDef ex(int channels, int stride) {
        return OpDef.expanded(6, channels, 3, stride, false, RELU6);
    }

    /** {@code V2_DEF['spec']} in order. */
    public static final List<OpDef> V2_DEF = List.of(
            OpDef.conv(3, 2, 32, RELU6),
            OpDef.expanded(1, 16, 3, 1, false, RELU6).withExpansionDivisor(1),
            ex(24, 2),
            ex(24, 1),
            ex(32, 2),
            ex(32, 1),
            ex(32, 1),
            ex(64, 2),
            ex(64, 1),
            ex(64, 1),
            ex(64, 1),
            ex(96, 1),
            ex(96, 1),
            ex(96, 1),
            ex(160, 2),
            ex(160, 1),
            ex(160, 1),
            ex(320, 1),
            OpDef.conv(1, 1, 1280, RELU6).keepingFullWidth());
}
