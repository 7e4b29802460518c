package org.mobilenetexplorer.model;

/**
 * Cost formulas: pure arithmetic on a layer's shapes (see the package documentation for the convention).
 * D_K = kernel, M = input channels, N = output channels, D_F = output feature map size.
 */
public final class CostModel {

    /** The counting convention in one line, printed under every table and shown beside totals. */
    public static final String CONVENTION = "1 MAC = one multiply-add; batch norm, ReLU, pooling and softmax are not"
            + " counted as MACs; params = weights + biases (convolutions followed by batch norm have no bias, the FC"
            + " has one); bnParams = 4 per channel (gamma, beta, mean, variance); padding TF 'SAME'.";

    /** Bytes per activation or weight element (FP32). */
    public static final int BYTES_PER_ELEMENT = 4;

    /** Batch-norm values per channel: gamma, beta, moving mean, moving variance. */
    public static final int BN_VALUES_PER_CHANNEL = 4;

    private CostModel() {
    }

    /** Multiply-adds of one forward pass at batch 1. */
    public static long macs(LayerSpec l) {
        long k2 = (long) l.kernel() * l.kernel();
        long outPixels = (long) l.output().h() * l.output().w();
        return switch (l.kind()) {
            case CONV -> k2 * l.input().c() * l.output().c() * outPixels;        // D_K^2 * M * N * D_F^2
            case DEPTHWISE -> k2 * l.input().c() * outPixels;                    // D_K^2 * M * D_F^2
            case POINTWISE -> (long) l.input().c() * l.output().c() * outPixels; // M * N * D_F^2
            case FC -> (long) l.input().c() * l.output().c();
            case AVG_POOL, SOFTMAX -> 0L;
        };
    }

    /** Weights plus biases. */
    public static long params(LayerSpec l) {
        long k2 = (long) l.kernel() * l.kernel();
        return switch (l.kind()) {
            case CONV -> k2 * l.input().c() * l.output().c();
            case DEPTHWISE -> k2 * l.input().c();
            case POINTWISE -> (long) l.input().c() * l.output().c();
            case FC -> (long) l.input().c() * l.output().c() + l.output().c();
            case AVG_POOL, SOFTMAX -> 0L;
        };
    }

    /** Weights only (params without biases): the paper's "4.2M" convention. */
    public static long weights(LayerSpec l) {
        return params(l) - (l.hasBias() ? l.output().c() : 0);
    }

    /** Batch-norm parameters: 4 per output channel of a convolution, 0 otherwise. */
    public static long bnParams(LayerSpec l) {
        return l.hasBatchNorm() ? (long) BN_VALUES_PER_CHANNEL * l.output().c() : 0L;
    }

    /** Output activation elements (batch 1). */
    public static long outputElements(LayerSpec l) {
        return l.output().elements();
    }

    /** Output activation bytes in FP32 (batch 1). */
    public static long outputBytes(LayerSpec l) {
        return outputElements(l) * BYTES_PER_ELEMENT;
    }

    /** Input plus output activation bytes, the memory alive while the layer runs (batch 1, FP32). */
    public static long liveActivationBytes(LayerSpec l) {
        return (l.input().elements() + l.output().elements()) * BYTES_PER_ELEMENT;
    }
}
