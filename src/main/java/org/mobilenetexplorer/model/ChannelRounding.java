package org.mobilenetexplorer.model;

import java.util.Locale;

/** How a base channel count d is scaled by the width multiplier alpha. */
public enum ChannelRounding {
    /** TF-Slim: {@code max(int(d * alpha), 8)} ({@code min_depth = 8}). */
    SLIM,
    /** Keras: {@code int(d * alpha)}, no minimum (at least 1, so the network exists). */
    KERAS;

    /** TF-Slim's {@code min_depth}. */
    public static final int SLIM_MIN_DEPTH = 8;

    /** The scaled channel count for base channels {@code d}. */
    public int apply(int d, double alpha) {
        // int() truncates toward zero, as in Python; the tiny epsilon keeps e.g. 0.3 * 320 = 95.99999 at 96
        int scaled = (int) Math.floor(d * alpha + 1e-9);
        return switch (this) {
            case SLIM -> Math.max(scaled, SLIM_MIN_DEPTH);
            case KERAS -> Math.max(scaled, 1);
        };
    }

    /** Lower-case id used in presets, JSON and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code slim} or {@code keras} (case-insensitive). */
    public static ChannelRounding fromId(String id) {
        for (ChannelRounding r : values()) {
            if (r.id().equalsIgnoreCase(id)) {
                return r;
            }
        }
        throw new InvalidConfigException("rounding", id, "must be slim or keras");
    }
}
