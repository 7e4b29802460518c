package org.mobilenetexplorer.model;

/**
 * The closed set of layer kinds. Every switch over it is exhaustive. A kind says what a layer computes; whether batch
 * norm follows, whether it has a bias and which activation it applies are per-layer facts of {@link LayerSpec}.
 *
 * <p>Squeeze-and-excite is not one kind but four layers: its global pool ({@link #AVG_POOL}), its two 1 x 1
 * convolutions ({@link #SE_CONV}) and the channel {@link #MULTIPLY}. Its convolutions have their own kind (rather than
 * {@link #POINTWISE} with a bias) so the by-kind table shows what squeeze-and-excite costs, and because they run on a
 * 1 x 1 map with a bias and no batch norm, which backends may build as dense layers.
 */
public enum LayerKind {
    /** Standard (full) convolution. */
    CONV("Conv"),
    /** Depthwise convolution: one k x k filter per input channel. */
    DEPTHWISE("Conv dw"),
    /** 1 x 1 convolution mixing channels (V2/V3's expansion and projection, V1's pointwise, the head convolutions). */
    POINTWISE("Conv 1x1"),
    /** Global average pool (the classifier's, V3's reduce_to_1x1, squeeze-and-excite's). */
    AVG_POOL("Avg Pool"),
    /** Fully connected classifier (TF-Slim's 1 x 1 Logits convolution on the pooled vector, with a bias). */
    FC("Fully Connected"),
    /** Softmax over the classes. */
    SOFTMAX("Softmax"),
    /** A 1 x 1 convolution of squeeze-and-excite (reduce with ReLU, expand with hard-sigmoid), with a bias. */
    SE_CONV("SE 1x1"),
    /** Elementwise sum of two maps of the same shape: the residual connection of an inverted residual block. */
    ADD("Add"),
    /** A map times a per-channel gate (inputs: the H x W x C map, then the 1 x 1 x C gate): squeeze-and-excite. */
    MULTIPLY("Multiply");

    private final String paperName;

    LayerKind(String paperName) {
        this.paperName = paperName;
    }

    /** The name the papers' tables use for this kind. */
    public String paperName() {
        return paperName;
    }

    /** True for the kinds whose MACs are counted (convolutions and the FC layer). */
    public boolean countsMacs() {
        return switch (this) {
            case CONV, DEPTHWISE, POINTWISE, SE_CONV, FC -> true;
            case AVG_POOL, SOFTMAX, ADD, MULTIPLY -> false;
        };
    }

    /** True for the kinds with weights (the same as {@link #countsMacs()}). */
    public boolean hasWeights() {
        return countsMacs();
    }

    /** True for the convolutions (FC excluded). */
    public boolean isConvolution() {
        return switch (this) {
            case CONV, DEPTHWISE, POINTWISE, SE_CONV -> true;
            case AVG_POOL, FC, SOFTMAX, ADD, MULTIPLY -> false;
        };
    }

    /** Number of inputs the kind takes: 2 for ADD and MULTIPLY, 1 otherwise. */
    public int arity() {
        return switch (this) {
            case ADD, MULTIPLY -> 2;
            case CONV, DEPTHWISE, POINTWISE, SE_CONV, AVG_POOL, FC, SOFTMAX -> 1;
        };
    }
}
