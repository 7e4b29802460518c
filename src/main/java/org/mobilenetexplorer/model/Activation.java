package org.mobilenetexplorer.model;

import java.util.Locale;

/**
 * V1's activation knob: the function after every batch norm. The paper says ReLU; TF-Slim and Keras train with ReLU6.
 * V2 and V3 fix their activations per layer ({@link ActivationFunction}).
 */
public enum Activation {
    RELU,
    RELU6;

    /** The function every convolution of a V1 network applies. */
    public ActivationFunction function() {
        return switch (this) {
            case RELU -> ActivationFunction.RELU;
            case RELU6 -> ActivationFunction.RELU6;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activation fromId(String id) {
        for (Activation a : values()) {
            if (a.id().equalsIgnoreCase(id)) {
                return a;
            }
        }
        throw new InvalidConfigException("activation", id, "must be relu or relu6");
    }
}
