package org.mobilenetexplorer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The MobileNet v1 table as published (Howard et al. 2017, Table 1, with the typo in the last depthwise stride fixed:
 * it is 1, as in TF-Slim and Keras): a standard 3 x 3 convolution and 13 depthwise-separable blocks. Base channel
 * counts are for alpha = 1. V1's knobs are transformations of this table: {@code blocks14} drops repeated 14 x 14
 * blocks, {@code standardConv} turns every separable block into a full convolution, {@code activation} sets every
 * row's activation.
 */
public final class MobileNetV1 {

    /** The first, standard 3x3 convolution: stride 2, 32 channels. */
    public static final int STEM_CHANNELS = 32;
    public static final int STEM_STRIDE = 2;
    public static final int KERNEL = 3;

    private static final ActivationFunction TF_SLIM = ActivationFunction.RELU6;

    /** The stem: {@code Conv2d_0}. */
    public static final OpDef STEM = OpDef.conv(KERNEL, STEM_STRIDE, STEM_CHANNELS, TF_SLIM);

    /** The 13 separable blocks in order ({@code Conv2d_1} .. {@code Conv2d_13}). */
    public static final List<OpDef> BLOCKS = List.of(
            OpDef.separable(1, 64, TF_SLIM),
            OpDef.separable(2, 128, TF_SLIM),
            OpDef.separable(1, 128, TF_SLIM),
            OpDef.separable(2, 256, TF_SLIM),
            OpDef.separable(1, 256, TF_SLIM),
            OpDef.separable(2, 512, TF_SLIM),
            OpDef.separable(1, 512, TF_SLIM),
            OpDef.separable(1, 512, TF_SLIM),
            OpDef.separable(1, 512, TF_SLIM),
            OpDef.separable(1, 512, TF_SLIM),
            OpDef.separable(1, 512, TF_SLIM),
            OpDef.separable(2, 1024, TF_SLIM),
            OpDef.separable(1, 1024, TF_SLIM));

    /** 0-based index in {@link #BLOCKS} of the first of the five repeated 14x14x512 blocks. */
    public static final int FIRST_BLOCK14 = 6;

    /** Number of repeated 14x14x512 blocks in the full network. */
    public static final int BLOCKS14 = 5;

    /** Overall stride of the body: the final feature map is ceil(resolution / 32). */
    public static final int TOTAL_STRIDE = 32;

    private MobileNetV1() {
    }

    /** The blocks kept for {@code blocks14} repeated 14x14 blocks (0..5). */
    public static List<OpDef> blocks(int blocks14) {
        if (blocks14 < 0 || blocks14 > BLOCKS14) {
            throw new InvalidConfigException("blocks14", blocks14, "must be an integer in 0..5");
        }
        if (blocks14 == BLOCKS14) {
            return BLOCKS;
        }
        var kept = new ArrayList<OpDef>(BLOCKS.subList(0, FIRST_BLOCK14 + blocks14));
        kept.addAll(BLOCKS.subList(FIRST_BLOCK14 + BLOCKS14, BLOCKS.size()));
        return List.copyOf(kept);
    }

    /** The table of a V1 configuration: its knobs applied to the stem and {@link #BLOCKS}. */
    public static List<OpDef> table(MobileNetConfig config) {
        ActivationFunction act = config.activation().function();
        List<OpDef> rows = new ArrayList<>(BLOCKS.size() + 1);
        rows.add(STEM.withActivation(act));
        for (OpDef b : blocks(config.blocks14())) {
            rows.add((config.standardConv() ? b.asStandardConv() : b).withActivation(act));
        }
        return List.copyOf(rows);
    }
}
