package org.mobilenetexplorer.model;

/**
 * One row of a family's table, as TF-Slim writes its {@code conv_defs} ({@code op(slim.conv2d, ...)},
 * {@code op(ops.expanded_conv, ...)}, {@code mbv3_op(ef, n, k, s, act, se)}). Channel counts are the alpha = 1
 * values; {@link ArchitectureSpec#of(MobileNetConfig)} scales them and expands each row into layers:
 * <ul>
 *   <li>{@link Kind#CONV}: one convolution ({@code kernel} x {@code kernel}; 1 x 1 is a POINTWISE layer), batch
 *       norm (or, without it, a bias) and {@code activation};</li>
 *   <li>{@link Kind#SEPARABLE}: V1's depthwise-separable block, depthwise 3 x 3 then pointwise, each with batch norm
 *       and {@code activation};</li>
 *   <li>{@link Kind#EXPANDED_CONV}: TF-Slim's {@code expanded_conv} (the inverted residual): a 1 x 1 expansion to
 *       {@code make_divisible(in * expansion, expansionDivisor)} channels only when that exceeds the input channels,
 *       a depthwise {@code kernel} x {@code kernel} with {@code stride}, optional squeeze-and-excite, a linear
 *       1 x 1 projection to {@code channels}, and the residual add when {@code residual}, stride 1 and input
 *       channels = output channels. Expansion and depthwise use {@code activation}; the projection none;</li>
 *   <li>{@link Kind#POOL}: V3's {@code reduce_to_1x1}, a global average pool inside the table (V1 and V2 pool in
 *       the classifier, which the builder appends).</li>
 * </ul>
 *
 * @param kind             what the row expands to
 * @param channels         output channels at alpha = 1 (0 for POOL)
 * @param kernel           kernel size (the depthwise kernel of SEPARABLE and EXPANDED_CONV; 1 for POOL)
 * @param stride           stride (of the depthwise in blocks; 1 for POOL)
 * @param expansion        EXPANDED_CONV's expansion factor (TF-Slim {@code expand_input_by_factor(n)}); 0 otherwise
 * @param expansionDivisor the {@code divisible_by} of the expansion size (8; V2's first block 1)
 * @param squeezeExcite    EXPANDED_CONV with squeeze-and-excite after the depthwise (V3 {@code mbv3_op_se})
 * @param activation       activation of the convolution(s) (EXPANDED_CONV: expansion and depthwise)
 * @param batchNorm        CONV followed by batch norm (false: a bias instead, V3's last 1 x 1 convolution)
 * @param fullWidth        keeps its alpha = 1 width when alpha &lt; 1 (TF-Slim's {@code finegrain_classification_mode}
 *                         on the last 1 x 1 convolution: V2's 1280, V3's 1280 / 1024)
 * @param residual         EXPANDED_CONV adds its input when stride is 1 and channels match (TF-Slim {@code residual=True})
 */
public record OpDef(Kind kind, int channels, int kernel, int stride, double expansion, int expansionDivisor,
                    boolean squeezeExcite, ActivationFunction activation, boolean batchNorm, boolean fullWidth,
                    boolean residual) {

    /** What a row expands to. */
    public enum Kind {
        CONV, SEPARABLE, EXPANDED_CONV, POOL
    }

    /** TF-Slim's default {@code divisible_by}: channel counts are multiples of 8. */
    public static final int DIVISOR = 8;

    /** TF-Slim's squeeze factor in V3's squeeze-and-excite: squeeze = make_divisible(channels / 4). */
    public static final int SQUEEZE_FACTOR = 4;

    public OpDef {
        if (kind == null || activation == null) {
            throw new IllegalArgumentException("op: kind and activation are required");
        }
        if (kind != Kind.POOL && channels < 1) {
            throw new IllegalArgumentException(kind + ": channels = " + channels + ": must be >= 1");
        }
        if (kernel < 1 || stride < 1) {
            throw new IllegalArgumentException(kind + ": kernel " + kernel + " and stride " + stride + " must be >= 1");
        }
        if ((kind == Kind.EXPANDED_CONV) != (expansion > 0)) {
            throw new IllegalArgumentException(kind + ": expansion = " + expansion
                    + ": must be > 0 for EXPANDED_CONV and 0 otherwise");
        }
        if (expansionDivisor < 1) {
            throw new IllegalArgumentException(kind + ": expansion divisor = " + expansionDivisor + ": must be >= 1");
        }
        if (squeezeExcite && kind != Kind.EXPANDED_CONV) {
            throw new IllegalArgumentException(kind + ": squeeze-and-excite only in EXPANDED_CONV");
        }
        if (!batchNorm && kind != Kind.CONV) {
            throw new IllegalArgumentException(kind + ": only CONV rows may go without batch norm");
        }
    }

    /** {@code op(slim.conv2d, stride=s, kernel_size=[k, k], num_outputs=n, activation_fn=act)}. */
    public static OpDef conv(int kernel, int stride, int channels, ActivationFunction activation) {
        return new OpDef(Kind.CONV, channels, kernel, stride, 0, DIVISOR, false, activation, true, false, false);
    }

    /** V1's depthwise-separable block: depthwise 3 x 3 / {@code stride}, pointwise to {@code channels}. */
    public static OpDef separable(int stride, int channels, ActivationFunction activation) {
        return new OpDef(Kind.SEPARABLE, channels, 3, stride, 0, DIVISOR, false, activation, true, false, false);
    }

    /** {@code expanded_conv} / {@code mbv3_op(ef, n, k, s, act)}; {@code se} for {@code mbv3_op_se}. */
    public static OpDef expanded(double expansion, int channels, int kernel, int stride, boolean se,
            ActivationFunction activation) {
        return new OpDef(Kind.EXPANDED_CONV, channels, kernel, stride, expansion, DIVISOR, se, activation, true, false,
                true);
    }

    /** V3's {@code reduce_to_1x1}: a global average pool. */
    public static OpDef pool() {
        return new OpDef(Kind.POOL, 0, 1, 1, 0, DIVISOR, false, ActivationFunction.NONE, true, false, false);
    }

    /** This CONV with a bias and no batch norm ({@code normalizer_fn=None}). */
    public OpDef withoutBatchNorm() {
        return new OpDef(kind, channels, kernel, stride, expansion, expansionDivisor, squeezeExcite, activation, false,
                fullWidth, residual);
    }

    /** This row keeping its alpha = 1 width for alpha &lt; 1 (finegrain classification mode). */
    public OpDef keepingFullWidth() {
        return new OpDef(kind, channels, kernel, stride, expansion, expansionDivisor, squeezeExcite, activation,
                batchNorm, true, residual);
    }

    /** This EXPANDED_CONV with the expansion size rounded to multiples of {@code divisor}. */
    public OpDef withExpansionDivisor(int divisor) {
        return new OpDef(kind, channels, kernel, stride, expansion, divisor, squeezeExcite, activation, batchNorm,
                fullWidth, residual);
    }

    /** This row with another activation. */
    public OpDef withActivation(ActivationFunction a) {
        return new OpDef(kind, channels, kernel, stride, expansion, expansionDivisor, squeezeExcite, a, batchNorm,
                fullWidth, residual);
    }

    /** A SEPARABLE row as one standard convolution with the same stride and output (V1 paper Table 4). */
    public OpDef asStandardConv() {
        if (kind != Kind.SEPARABLE) {
            throw new IllegalStateException(kind + ": only SEPARABLE rows become standard convolutions");
        }
        return new OpDef(Kind.CONV, channels, kernel, stride, 0, DIVISOR, false, activation, true, false, false);
    }
}
