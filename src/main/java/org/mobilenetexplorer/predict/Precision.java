package org.mobilenetexplorer.predict;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The numeric precision a profile was measured with. Only FP32 runs today (INT8 is a separate issue). */
public enum Precision {
    FP32;

    /** {@code fp32}: the option value and the profile field. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The precision named {@code id}, or an exception naming the value and the known ids. */
    public static Precision fromId(String id) {
        for (Precision p : values()) {
            if (p.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("precision = " + id + ": must be one of "
                + Arrays.stream(values()).map(Precision::id).collect(Collectors.joining(", ")));
    }
}
