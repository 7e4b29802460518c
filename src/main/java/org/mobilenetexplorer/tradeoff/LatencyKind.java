package org.mobilenetexplorer.tradeoff;

import java.util.Locale;

/** Where a latency comes from. A chart series holds one kind only: the kinds are never mixed silently. */
public enum LatencyKind {
    /** Measured by this tool's benchmark (on this machine or an imported one). */
    MEASURED,
    /** Predicted by the latency model from a device profile (drawn hollow, "predicted" in legend and tooltip). */
    PREDICTED,
    /** Published by a paper or TF-Slim for a phone (a reference device, never measured here). */
    PUBLISHED;

    /** {@code measured}, {@code predicted}, {@code published}: the JSON and CSV value. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
