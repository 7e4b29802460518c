package org.mobilenetexplorer.report;

import java.util.ArrayList;
import java.util.List;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.published.PublishedData;

/** The columns of the one-row-per-configuration summary ({@code analyze --preset F}). */
public enum SummaryColumn {
    INDEX("#", Align.RIGHT),
    CONFIG("Config", Align.LEFT),
    MACS("MACs (M)", Align.RIGHT),
    PARAMS("Params (M)", Align.RIGHT),
    BN_PARAMS("BN (K)", Align.RIGHT),
    FINAL_MAP("Map", Align.RIGHT),
    PEAK_MEMORY("Peak (MiB)", Align.RIGHT),
    PUBLISHED_MACS("Published (M)", Align.LEFT),
    LABEL("Label", Align.LEFT);

    /** Labels longer than this are shortened in the table (CSV and JSON keep them whole). */
    static final int MAX_LABEL = 30;

    private final String title;
    private final Align align;

    SummaryColumn(String title, Align align) {
        this.title = title;
        this.align = align;
    }

    public String title() {
        return title;
    }

    Align align() {
        return align;
    }

    /** The cell of row {@code index} (0-based). */
    String cell(int index, LabelledStats r, PublishedData data) {
        MobileNetConfig c = r.stats().config();
        var t = r.stats().totals();
        return switch (this) {
            case INDEX -> Integer.toString(index + 1);
            case LABEL -> r.label().length() <= MAX_LABEL ? r.label()
                    : r.label().substring(0, MAX_LABEL - 3) + "...";
            case CONFIG -> c.label();
            case MACS -> Units.millionsExact(t.macs());
            case PARAMS -> Units.millionsExact(t.params());
            case BN_PARAMS -> Units.thousandsExact(t.bnParams());
            case FINAL_MAP -> r.stats().finalFeatureMap() + "x" + r.stats().finalFeatureMap();
            case PEAK_MEMORY -> Units.mebibytes(t.peakActivationBytes());
            case PUBLISHED_MACS -> publishedMacs(r, data);
        };
    }

    /** Distinct printed MACs of the rows describing the configuration, {@code *} where ours differs. */
    private static String publishedMacs(LabelledStats r, PublishedData data) {
        List<String> values = new ArrayList<>();
        for (PublishedComparison c : PublishedComparison.of(r.stats(), data)) {
            if (c.figure().millionMacs() == null) {
                continue;
            }
            String v = Units.printed(c.figure().millionMacs()) + (c.macsDiffer() ? "*" : "");
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        return values.isEmpty() ? "-" : String.join(", ", values);
    }
}
