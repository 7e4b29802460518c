package org.mobilenetexplorer.tradeoff;

import java.util.Locale;

/** The cost a trade-off is measured against. */
public enum CostAxis {
    LATENCY("latency", "Latency", "ms per image"),
    MACS("macs", "Mult-adds", "million MACs"),
    PARAMS("params", "Parameters", "million");

    private final String id;
    private final String title;
    private final String unit;

    CostAxis(String id, String title, String unit) {
        this.id = id;
        this.title = title;
        this.unit = unit;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    /** Axis title with unit, e.g. {@code Mult-adds (million MACs)}. */
    public String axisLabel() {
        return title + " (" + unit + ")";
    }

    /** Parses {@code latency}, {@code macs}, {@code params} (case-insensitive). */
    public static CostAxis fromId(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (CostAxis a : values()) {
            if (a.id.equals(k)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown cost axis '" + s + "' (known: latency, macs, params)");
    }
}
