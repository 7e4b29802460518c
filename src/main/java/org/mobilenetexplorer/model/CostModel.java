package org.mobilenetexplorer.model;

/**
 * Cost formulas: pure arithmetic on a layer's shapes (see the package documentation for the convention).
 * D_K = kernel, M = input channels, N = output channels, D_F = output feature map size.
 */
public final class CostModel {

    /** Bytes per activation or weight element (FP32). */
    public static final int BYTES_PER_ELEMENT = 4;

    /** Batch-norm values per channel: gamma, beta, moving mean, moving variance. */
    public static final int BN_VALUES_PER_CHANNEL = 4;

    /**
     * The counting convention in one line as V1 reports print it (V1 has no residual adds, no squeeze-and-excite and
     * no biased convolutions, so it needs fewer words). Unchanged since before families existed: V1 outputs stay
     * byte-for-byte. {@link #convention(Family)} gives the line for any family.
     */
    public static final String CONVENTION = convention(Family.V1);

    /**
     * The same convention stated for every family: printed under V2/V3 tables and wherever families mix. Written
     * once with {@link #CONVENTION}, from the same parts.
     */
    public static final String CONVENTION_ALL_FAMILIES = convention(Family.V2);

    private CostModel() {
    }

    /** The one-line convention printed under a table of {@code family}. */
    public static String convention(Family family) {
        boolean v1 = family == Family.V1;
        return "1 MAC = one multiply-add; "
                + (v1 ? "batch norm, ReLU, pooling and softmax"
                      : "batch norm, activations (ReLU, ReLU6, h-swish, hard-sigmoid), residual adds, the"
                        + " squeeze-and-excite multiply, pooling and softmax")
                + " are not counted as MACs"
                + (v1 ? "" : " (they are the elementwise operations: one per output element for each batch norm,"
                        + " bias, activation, add, multiply and softmax, one add per input element for pooling)")
                + "; params = weights + biases (convolutions followed by batch norm have no bias, the FC has one"
                + (v1 ? "" : ", as have the squeeze-and-excite convolutions and V3's last 1x1 convolution")
                + "); bnParams = 4 per channel (gamma, beta, mean, variance); padding TF 'SAME'.";
    }

    /** Multiply-adds of one forward pass at batch 1. */
    public static long macs(LayerSpec l) {
        long k2 = (long) l.kernel() * l.kernel();
        long outPixels = (long) l.output().h() * l.output().w();
        return switch (l.kind()) {
            case CONV -> k2 * l.input().c() * l.output().c() * outPixels;        // D_K^2 * M * N * D_F^2
            case DEPTHWISE -> k2 * l.input().c() * outPixels;                    // D_K^2 * M * D_F^2
            case POINTWISE, SE_CONV -> (long) l.input().c() * l.output().c() * outPixels; // M * N * D_F^2
            case FC -> (long) l.input().c() * l.output().c();
            case AVG_POOL, SOFTMAX, ADD, MULTIPLY -> 0L;
        };
    }

    /** Weights plus biases. */
    public static long params(LayerSpec l) {
        return weights(l) + (l.hasBias() ? l.output().c() : 0);
    }

    /** Weights only (params without biases): the V1 paper's "4.2M" convention. */
    public static long weights(LayerSpec l) {
        long k2 = (long) l.kernel() * l.kernel();
        return switch (l.kind()) {
            case CONV -> k2 * l.input().c() * l.output().c();
            case DEPTHWISE -> k2 * l.input().c();
            case POINTWISE, SE_CONV, FC -> (long) l.input().c() * l.output().c();
            case AVG_POOL, SOFTMAX, ADD, MULTIPLY -> 0L;
        };
    }

    /** Batch-norm parameters: 4 per output channel of a convolution followed by batch norm, 0 otherwise. */
    public static long bnParams(LayerSpec l) {
        return l.hasBatchNorm() ? (long) BN_VALUES_PER_CHANNEL * l.output().c() : 0L;
    }

    /**
     * Elementwise operations, the arithmetic MACs leave out: one per output element for each of batch norm (its
     * inference form, one scale-and-shift), bias, activation (whatever its internal arithmetic: ReLU, ReLU6, h-swish
     * and hard-sigmoid count one each), residual add, squeeze-and-excite multiply and softmax; one add per input
     * element for average pooling.
     */
    public static long elementwiseOps(LayerSpec l) {
        long out = l.output().elements();
        return switch (l.kind()) {
            case CONV, DEPTHWISE, POINTWISE, SE_CONV, FC -> out * ((l.hasBatchNorm() ? 1 : 0) + (l.hasBias() ? 1 : 0)
                    + (l.activation() == ActivationFunction.NONE ? 0 : 1));
            case ADD, MULTIPLY, SOFTMAX -> out;
            case AVG_POOL -> l.input().elements();
        };
    }

    /** Output activation elements (batch 1). */
    public static long outputElements(LayerSpec l) {
        return l.output().elements();
    }

    /** Output activation bytes in FP32 (batch 1). */
    public static long outputBytes(LayerSpec l) {
        return outputElements(l) * BYTES_PER_ELEMENT;
    }
}
