package org.mobilenetexplorer.model;

import java.util.Locale;

/**
 * The elementwise function after a layer (after its batch norm when it has one). V1 uses ReLU or ReLU6 (the
 * {@link Activation} knob), V2 ReLU6, V3 ReLU, h-swish and (in squeeze-and-excite) hard-sigmoid; NONE is a linear
 * layer (V2/V3's projections, the logits, pooling, the residual add).
 */
public enum ActivationFunction {
    /** Identity: linear bottlenecks, logits. */
    NONE("none"),
    /** max(0, x). */
    RELU("relu"),
    /** min(max(0, x), 6). */
    RELU6("relu6"),
    /** h-swish(x) = x * relu6(x + 3) / 6 (V3; TF-Slim {@code mobilenet_v3.hard_swish}). */
    HARD_SWISH("hard-swish"),
    /**
     * hard-sigmoid(x) = relu6(x + 3) / 6 (V3's squeeze-and-excite gate; TF-Slim writes {@code relu6(x + 3) * 0.16667},
     * ONNX {@code HardSigmoid} with alpha 1/6, beta 0.5).
     */
    HARD_SIGMOID("hard-sigmoid");

    private final String id;

    ActivationFunction(String id) {
        this.id = id;
    }

    /** Lower-case id for JSON: none, relu, relu6, hard-swish, hard-sigmoid. */
    public String id() {
        return id;
    }

    /** The function's value at {@code x}, in double precision (the reference's definition). */
    public double apply(double x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> Math.max(0.0, x);
            case RELU6 -> relu6(x);
            case HARD_SWISH -> x * relu6(x + 3.0) / 6.0;
            case HARD_SIGMOID -> relu6(x + 3.0) / 6.0;
        };
    }

    private static double relu6(double x) {
        return Math.min(Math.max(0.0, x), 6.0);
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
