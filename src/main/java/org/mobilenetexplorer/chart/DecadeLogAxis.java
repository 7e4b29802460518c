package org.mobilenetexplorer.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A horizontal log axis labelled at 1, 2 and 5 times each power of ten (10, 20, 50, 100, 200, 500, ...) with
 * unlabelled minor ticks at the other integers of each decade, as printed log plots are. JFreeChart's
 * {@link LogarithmicAxis} leaves gaps where its labels would crowd (e.g. 10, 20, 30, 100, 200 and nothing above).
 */
final class DecadeLogAxis extends LogarithmicAxis {
    private static final long serialVersionUID = 1L;

    DecadeLogAxis(String label) {
        super(label);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(getLowerBound(), getUpperBound(), getNumberFormatOverride());
    }

    /** The ticks between {@code lower} and {@code upper} (both > 0): labelled at 1, 2, 5 x 10^k. */
    static List<NumberTick> ticks(double lower, double upper, NumberFormat format) {
        List<NumberTick> ticks = new ArrayList<>();
        if (!(lower > 0) || !(upper > lower)) {
            return ticks;
        }
        for (int k = (int) Math.floor(Math.log10(lower)); k <= (int) Math.ceil(Math.log10(upper)); k++) {
            double decade = Math.pow(10, k);
            for (int m = 1; m <= 9; m++) {
                double v = m * decade;
                if (v < lower || v > upper) {
                    continue;
                }
                boolean major = m == 1 || m == 2 || m == 5;
                String label = major ? (format != null ? format.format(v) : Double.toString(v)) : "";
                ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, v, label, TextAnchor.TOP_CENTER,
                        TextAnchor.CENTER, 0.0));
            }
        }
        return ticks;
    }
}
