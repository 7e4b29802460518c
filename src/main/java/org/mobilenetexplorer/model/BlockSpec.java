package org.mobilenetexplorer.model;

/**
 * One block of the network: the layers one table row expanded to, when the row is a block (V1's numbered separable
 * or standard-convolution blocks {@code Conv2d_1} .. {@code Conv2d_13}; V2/V3's {@code expanded_conv} inverted
 * residuals). For grouping tables, drawing blocks and teaching views: the layers themselves are in
 * {@link ArchitectureSpec#layers()}, from {@code firstLayer} to {@code lastLayer} inclusive.
 *
 * @param number           1-based block number ({@link LayerSpec#block()} of its layers)
 * @param name             TF-Slim scope: {@code Conv2d_3} (V1), {@code expanded_conv_3} (V2/V3)
 * @param op               the table row it was expanded from (alpha = 1 channels)
 * @param firstLayer       index of its first layer
 * @param lastLayer        index of its last layer (the residual add when there is one)
 * @param inputChannels    channels of the block's input
 * @param expandedChannels channels between expansion and projection (EXPANDED_CONV; = input channels when the block
 *                         has no expansion convolution; for V1 blocks the input channels)
 * @param squeezeChannels  squeeze-and-excite's inner channels, 0 without squeeze-and-excite
 * @param outputChannels   channels of the block's output
 * @param residual         the block ends with a residual add of its input
 */
public record BlockSpec(int number, String name, OpDef op, int firstLayer, int lastLayer, int inputChannels,
                        int expandedChannels, int squeezeChannels, int outputChannels, boolean residual) {

    public BlockSpec {
        if (number < 1 || firstLayer < 0 || lastLayer < firstLayer) {
            throw new IllegalArgumentException("block " + name + ": number " + number + ", layers " + firstLayer + ".."
                    + lastLayer);
        }
    }

    /** True when the block starts with a 1 x 1 expansion convolution. */
    public boolean hasExpansion() {
        return op.kind() == OpDef.Kind.EXPANDED_CONV && expandedChannels > inputChannels;
    }

    /** True when the block has squeeze-and-excite. */
    public boolean hasSqueezeExcite() {
        return squeezeChannels > 0;
    }

    /** Number of layers in the block. */
    public int layerCount() {
        return lastLayer - firstLayer + 1;
    }
}
