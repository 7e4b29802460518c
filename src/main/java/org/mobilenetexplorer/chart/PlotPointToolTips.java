package org.mobilenetexplorer.chart;

import java.io.Serializable;
import java.util.Locale;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.data.xy.XYDataset;

/**
 * Tooltips from the record behind the item: label, coordinates, estimated or not, and provenance. Works on any
 * {@link TradeoffDataset}; other datasets get plain coordinates.
 */
public final class PlotPointToolTips implements XYToolTipGenerator, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String generateToolTip(XYDataset dataset, int series, int item) {
        if (dataset instanceof TradeoffDataset d) {
            return text(d.point(series, item));
        }
        return String.format(Locale.ROOT, "(%.4g, %.4g)", dataset.getXValue(series, item),
                dataset.getYValue(series, item));
    }

    /** The tooltip text of one record (also usable by a GUI that formats its own popups). */
    public static String text(PlotPoint p) {
        return wrap(p.displayLabel() + (p.extrapolated() ? " (extrapolated)" : "") + ": x = "
                + TradeoffCharts.fmt(p.x()) + ", y = " + TradeoffCharts.fmt(p.y()) + "% [" + p.sourceId() + "]\n"
                + p.provenance(), WIDTH);
    }

    /** Longest tooltip line in characters (about 480 px in the default font). */
    static final int WIDTH = 72;

    /** {@code text} with each line broken at spaces so none is longer than {@code width} (a longer word stays whole). */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            int col = 0;
            for (String word : line.split(" ")) {
                if (col > 0 && col + 1 + word.length() > width) {
                    out.append('\n');
                    col = 0;
                } else if (col > 0) {
                    out.append(' ');
                    col++;
                }
                out.append(word);
                col += word.length();
            }
        }
        return out.toString();
    }
}
