package org.mobilenetexplorer.model;

import java.util.Locale;

/**
 * The numeric precision a network is run in: the third knob beside width and resolution. FP32 is the network as
 * trained; INT8 is the same network with 8-bit weights and activations (int32 biases), as phones and edge boards
 * deploy it. Old presets and result files that do not name a precision are FP32.
 */
public enum Precision {
    FP32(4),
    INT8(1);

    private final int bytesPerWeight;

    Precision(int bytesPerWeight) {
        this.bytesPerWeight = bytesPerWeight;
    }

    /** {@code fp32}, {@code int8}: the id on the command line, in presets and result files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Bytes per stored weight value (biases and quantization scales are counted separately). */
    public int bytesPerWeight() {
        return bytesPerWeight;
    }

    /** The suffix a label gets: empty for FP32 (every label before INT8 existed), {@code " int8"} otherwise. */
    public String labelSuffix() {
        return this == FP32 ? "" : " " + id();
    }

    /** The precision with this id (case-insensitive), or an exception naming the value. */
    public static Precision fromId(String id) {
        if (id != null) {
            for (Precision p : values()) {
                if (p.id().equalsIgnoreCase(id.strip())) {
                    return p;
                }
            }
        }
        throw new InvalidConfigException("precision", id, "must be fp32 or int8");
    }
}
