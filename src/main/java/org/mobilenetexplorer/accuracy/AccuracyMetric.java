package org.mobilenetexplorer.accuracy;

import java.util.Locale;

/** Which accuracy a series shows. */
public enum AccuracyMetric {
    TOP1("top1", "Top-1 accuracy"),
    TOP5("top5", "Top-5 accuracy");

    private final String id;
    private final String title;

    AccuracyMetric(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The id used on the command line and in exports ({@code top1}, {@code top5}). */
    public String id() {
        return id;
    }

    /** Axis title without unit. */
    public String title() {
        return title;
    }

    /** The metric's value of a point, or null when the point lacks it. */
    public Double of(AccuracyPoint p) {
        return switch (this) {
            case TOP1 -> p.top1();
            case TOP5 -> p.top5();
        };
    }

    /** Parses {@code top1}/{@code top5} (case-insensitive). */
    public static AccuracyMetric fromId(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (AccuracyMetric m : values()) {
            if (m.id.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown accuracy metric '" + s + "' (known: top1, top5)");
    }
}
