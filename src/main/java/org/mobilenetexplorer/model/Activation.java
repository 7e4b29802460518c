package org.mobilenetexplorer.model;

import java.util.Locale;

/** The activation after every batch norm. The paper says ReLU; TF-Slim and Keras train with ReLU6. */
public enum Activation {
    RELU,
    RELU6;

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
