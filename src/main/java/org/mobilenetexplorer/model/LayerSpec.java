package org.mobilenetexplorer.model;

import java.util.List;

/**
 * One layer of the network, as data: everything a cost model, a forward pass or a framework builder needs, graph
 * edges included. Layers are listed in execution order; {@code inputs} names the layers whose outputs this one reads
 * (V1 is a chain; V2/V3's residual add and squeeze-and-excite multiply read two).
 *
 * <p>What a layer computes: its {@link LayerKind} on {@code inputs}, then batch norm when {@code batchNorm} or a bias
 * when {@code bias}, then {@code activation}. Convolutions use TF 'SAME' padding: output = ceil(input / stride).
 * AVG_POOL is a global average pool (kernel = input size, stride 1); MULTIPLY scales its first input (H x W x C) by
 * its second (1 x 1 x C) per channel.
 *
 * @param index      0-based position in the network
 * @param name       TF-Slim scope: V1 {@code Conv2d_0}, {@code Conv2d_1_depthwise}, {@code Conv2d_1_pointwise};
 *                   V2/V3 {@code Conv}, {@code expanded_conv_3/expand}, {@code expanded_conv_3/depthwise},
 *                   {@code expanded_conv_3/squeeze_excite/AvgPool}, {@code .../squeeze_excite/Conv},
 *                   {@code .../squeeze_excite/Conv_1}, {@code .../squeeze_excite/mul}, {@code expanded_conv_3/project},
 *                   {@code expanded_conv_3/add}, {@code Conv_1}, {@code Conv_2}; every family {@code AvgPool},
 *                   {@code Logits}, {@code Softmax}. Unique within a network.
 * @param kind       layer kind
 * @param kernel     square kernel size (1 for 1 x 1 convolutions, FC, softmax, add, multiply; the map size for pools)
 * @param stride     stride (1 where it does not apply)
 * @param input      shape of the first input
 * @param output     output shape
 * @param block      the block this layer belongs to ({@link ArchitectureSpec#block(int)}: V1's separable blocks
 *                   1..13, V2/V3's {@code expanded_conv} blocks 1..n), 0 for layers outside blocks
 * @param inputs     indices of the producing layers, in operand order; {@link #NETWORK_INPUT} is the image
 * @param activation the function applied last
 * @param batchNorm  batch norm follows the convolution (then it has no bias)
 * @param bias       the layer adds a bias (FC, squeeze-and-excite's convolutions, V3's last 1 x 1 convolution)
 */
public record LayerSpec(int index, String name, LayerKind kind, int kernel, int stride, Shape input, Shape output,
                        int block, List<Integer> inputs, ActivationFunction activation, boolean batchNorm,
                        boolean bias) {

    /** The index that stands for the network's input image in {@link #inputs()}. */
    public static final int NETWORK_INPUT = -1;

    public LayerSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("layer " + index + ": name must not be empty");
        }
        if (kind == null || input == null || output == null || activation == null || inputs == null) {
            throw new IllegalArgumentException("layer " + name + ": kind, shapes, inputs and activation are required");
        }
        if (kernel < 1 || stride < 1) {
            throw new IllegalArgumentException("layer " + name + ": kernel " + kernel + " and stride " + stride
                    + " must be >= 1");
        }
        inputs = List.copyOf(inputs);
        if (inputs.size() != kind.arity()) {
            throw new IllegalArgumentException("layer " + name + ": " + kind + " takes " + kind.arity() + " input(s), got "
                    + inputs);
        }
        for (int i : inputs) {
            if (i < NETWORK_INPUT || i >= index) {
                throw new IllegalArgumentException("layer " + name + ": input " + i + " must be an earlier layer (or "
                        + NETWORK_INPUT + " for the image)");
            }
        }
        if (batchNorm && (bias || !kind.isConvolution())) {
            throw new IllegalArgumentException("layer " + name + ": batch norm only after a convolution without bias");
        }
        if (bias && !kind.hasWeights()) {
            throw new IllegalArgumentException("layer " + name + ": " + kind + " has no weights to add a bias to");
        }
    }

    /**
     * A layer of a chain as V1 has them (input = the previous layer): convolutions with batch norm and ReLU6, FC
     * and SE_CONV with a bias, the rest linear. For tests and teaching views that build single layers.
     */
    public LayerSpec(int index, String name, LayerKind kind, int kernel, int stride, Shape input, Shape output,
            int block) {
        this(index, name, kind, kernel, stride, input, output, block,
                kind.arity() == 1 ? List.of(index - 1) : List.of(index - 1, index - 1),
                switch (kind) {
                    case CONV, DEPTHWISE, POINTWISE -> ActivationFunction.RELU6;
                    case SE_CONV, AVG_POOL, FC, SOFTMAX, ADD, MULTIPLY -> ActivationFunction.NONE;
                },
                switch (kind) {
                    case CONV, DEPTHWISE, POINTWISE -> true;
                    case SE_CONV, AVG_POOL, FC, SOFTMAX, ADD, MULTIPLY -> false;
                },
                kind == LayerKind.FC || kind == LayerKind.SE_CONV);
    }

    /** True when batch norm follows this layer. */
    public boolean hasBatchNorm() {
        return batchNorm;
    }

    /** True when the layer has a bias term. */
    public boolean hasBias() {
        return bias;
    }

    /** The single input of a one-input layer (its producing layer's index, or {@link #NETWORK_INPUT}). */
    public int inputIndex() {
        return inputs.get(0);
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
