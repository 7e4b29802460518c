package org.mobilenetexplorer.model;

import java.util.List;

/**
 * The MobileNet v1 body as published (Howard et al. 2017, Table 1, with the typo in the last depthwise
 * stride fixed: it is 1, as in TF-Slim and Keras). Base channel counts are for alpha = 1.
 */
public final class MobileNetV1 {

    /** One depthwise-separable block: depthwise 3x3 with {@code stride}, then pointwise to {@code channels}. */
    public record Block(int stride, int channels) {
    }

    /** The first, standard 3x3 convolution: stride 2, 32 channels. */
    public static final int STEM_CHANNELS = 32;
    public static final int STEM_STRIDE = 2;
    public static final int KERNEL = 3;

    /** The 13 separable blocks in order. */
    public static final List<Block> BLOCKS = List.of(
            new Block(1, 64),
            new Block(2, 128),
            new Block(1, 128),
            new Block(2, 256),
            new Block(1, 256),
            new Block(2, 512),
            new Block(1, 512),
            new Block(1, 512),
            new Block(1, 512),
            new Block(1, 512),
            new Block(1, 512),
            new Block(2, 1024),
            new Block(1, 1024));

    /** 0-based index in {@link #BLOCKS} of the first of the five repeated 14x14x512 blocks. */
    public static final int FIRST_BLOCK14 = 6;

    /** Number of repeated 14x14x512 blocks in the full network. */
    public static final int BLOCKS14 = 5;

    /** Overall stride of the body: the final feature map is ceil(resolution / 32). */
    public static final int TOTAL_STRIDE = 32;

    private MobileNetV1() {
    }

    /** The blocks kept for {@code blocks14} repeated 14x14 blocks (0..5). */
    public static List<Block> blocks(int blocks14) {
        if (blocks14 < 0 || blocks14 > BLOCKS14) {
            throw new InvalidConfigException("blocks14", blocks14, "must be an integer in 0..5");
        }
        int drop = BLOCKS14 - blocks14;
        if (drop == 0) {
            return BLOCKS;
        }
        var kept = new java.util.ArrayList<Block>(BLOCKS.subList(0, FIRST_BLOCK14 + blocks14));
        kept.addAll(BLOCKS.subList(FIRST_BLOCK14 + BLOCKS14, BLOCKS.size()));
        return List.copyOf(kept);
    }
}
