package org.mobilenetexplorer.model;

/** The closed set of layer kinds. Every switch over it is exhaustive. */
public enum LayerKind {
    /** Standard (full) convolution. */
    CONV("Conv"),
    /** Depthwise convolution: one k x k filter per input channel. */
    DEPTHWISE("Conv dw"),
    /** 1 x 1 convolution mixing channels. */
    POINTWISE("Conv 1x1"),
    /** Global average pool. */
    AVG_POOL("Avg Pool"),
    /** Fully connected classifier. */
    FC("Fully Connected"),
    /** Softmax over the classes. */
    SOFTMAX("Softmax");

    private final String paperName;

    LayerKind(String paperName) {
        this.paperName = paperName;
    }

    /** The name the paper's Table 1 / Table 2 uses for this kind. */
    public String paperName() {
        return paperName;
    }

    /** True for the kinds whose MACs the paper counts. */
    public boolean countsMacs() {
        return switch (this) {
            case CONV, DEPTHWISE, POINTWISE, FC -> true;
            case AVG_POOL, SOFTMAX -> false;
        };
    }

    /** True for the layers followed by batch norm and an activation. */
    public boolean hasBatchNorm() {
        return switch (this) {
            case CONV, DEPTHWISE, POINTWISE -> true;
            case AVG_POOL, FC, SOFTMAX -> false;
        };
    }
}
