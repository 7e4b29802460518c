package org.mobilenetexplorer.model;

/**
 * One layer of the network, as data: everything a cost model, a forward pass or a framework builder needs.
 * Convolutions (CONV, DEPTHWISE, POINTWISE) are followed by batch norm and the configured activation and have
 * no bias; the FC layer has a bias; AVG_POOL is a global average pool (kernel = input size, stride 1).
 *
 * @param index  0-based position in the network
 * @param name   TF-Slim style name: Conv2d_0, Conv2d_1_depthwise, Conv2d_1_pointwise, ..., AvgPool, Logits, Softmax
 * @param kind   layer kind
 * @param kernel square kernel size (1 for pointwise, FC and softmax; the feature map size for the pool)
 * @param stride stride (1 where it does not apply)
 * @param input  input feature map
 * @param output output feature map; TF 'SAME' padding: output = ceil(input / stride)
 * @param block  the separable block this layer belongs to (1..13 in the full network), 0 for the others
 */
public record LayerSpec(
        int index, String name, LayerKind kind, int kernel, int stride, Shape input, Shape output, int block) {

    public LayerSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("layer " + index + ": name must not be empty");
        }
        if (kind == null || input == null || output == null) {
            throw new IllegalArgumentException("layer " + name + ": kind, input and output are required");
        }
        if (kernel < 1 || stride < 1) {
            throw new IllegalArgumentException("layer " + name + ": kernel " + kernel + " and stride " + stride
                    + " must be >= 1");
        }
    }

    /** True when batch norm and the activation follow this layer. */
    public boolean hasBatchNorm() {
        return kind.hasBatchNorm();
    }

    /** True when the layer has a bias term (only the FC layer; the convolutions are followed by batch norm). */
    public boolean hasBias() {
        return kind == LayerKind.FC;
    }

    /** Groups of the convolution: input channels for depthwise, 1 otherwise. */
    public int groups() {
        return kind == LayerKind.DEPTHWISE ? input.c() : 1;
    }

    /**
     * TF 'SAME' padding for this layer's spatial dimension of size {@code in}: total padding, of which the
     * smaller half goes before and the larger after (TensorFlow's rule).
     */
    public int samePaddingTotal(int in) {
        int out = ceilDiv(in, stride);
        return Math.max((out - 1) * stride + kernel - in, 0);
    }

    static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
