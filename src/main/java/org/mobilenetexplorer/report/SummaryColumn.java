package org.mobilenetexplorer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.published.PublishedData;

/** The columns of the one-row-per-configuration summary ({@code analyze --preset F}). */
public enum SummaryColumn {
    INDEX("#", Align.RIGHT),
    LABEL("Configuration", Align.LEFT),
    CONFIG("alpha-res", Align.LEFT),
    RHO("rho", Align.RIGHT),
    MACS("MACs (M)", Align.RIGHT),
    PARAMS("Params (M)", Align.RIGHT),
    BN_PARAMS("BN params (K)", Align.RIGHT),
    FINAL_MAP("Final map", Align.RIGHT),
    PEAK_MEMORY("Peak act. (MiB)", Align.RIGHT),
    PUBLISHED_MACS("Published MACs (M)", Align.LEFT);

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
            case LABEL -> r.label();
            case CONFIG -> c.label();
            case RHO -> String.format(Locale.ROOT, "%.3f", c.rho());
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
