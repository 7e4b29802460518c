package org.mobilenetexplorer.chart;

import java.awt.Color;
import java.awt.Paint;
import java.util.Iterator;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/**
 * The neutral colours of a chart on screen: backgrounds, text, grid lines. The window's dark theme repaints its
 * charts with {@link #DARK} ({@link #applyTo}); exported files keep {@link #LIGHT}, the colours the charts are
 * built with. Series colours (the Okabe-Ito palette) stay; only greys that would vanish on the new background
 * (black series, dark-grey labels) become the text colour.
 *
 * @param background the chart's background
 * @param plot       the plot area's background
 * @param text       titles, axis labels, tick labels, legend, item labels
 * @param grid       grid lines and axis lines
 */
public record ChartColors(Color background, Color plot, Color text, Color grid) {
    /** As the charts are built (and exported). */
    public static final ChartColors LIGHT = new ChartColors(Color.WHITE, Color.WHITE, Color.BLACK, ChartStyle.GRID);
    /** Beside the window's dark theme (its background, subtle background, default text and border colours). */
    public static final ChartColors DARK = new ChartColors(new Color(0x0d1117), new Color(0x161b22),
            new Color(0xc9d1d9), new Color(0x30363d));

    /** Repaints {@code chart}'s neutral parts in these colours (in place; the chart redraws once per change). */
    public void applyTo(JFreeChart chart) {
        chart.setNotify(false);
        try {
            chart.setBackgroundPaint(background);
            if (chart.getTitle() != null) {
                chart.getTitle().setPaint(text);
            }
            for (int i = 0; i < chart.getSubtitleCount(); i++) {
                Title t = chart.getSubtitle(i);
                if (t instanceof TextTitle tt) {
                    tt.setPaint(text);
                    tt.setBackgroundPaint(null);
                } else if (t instanceof LegendTitle lt) {
                    lt.setBackgroundPaint(background);
                    lt.setItemPaint(text);
                }
            }
            Plot p = chart.getPlot();
            p.setBackgroundPaint(plot);
            p.setNoDataMessagePaint(text);
            if (p instanceof XYPlot xy) {
                applyTo(xy);
            } else if (p instanceof CategoryPlot cp) {
                applyTo(cp);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    private void applyTo(XYPlot p) {
        p.setDomainGridlinePaint(grid);
        p.setRangeGridlinePaint(grid);
        p.setDomainZeroBaselinePaint(grid);
        p.setRangeZeroBaselinePaint(grid);
        axes(p.getDomainAxisCount(), p::getDomainAxis);
        axes(p.getRangeAxisCount(), p::getRangeAxis);
        renderers(p.getRendererCount(), p::getRenderer,
                i -> p.getDataset(i) == null ? 0 : p.getDataset(i).getSeriesCount());
        for (Object a : p.getAnnotations()) {
            if (a instanceof XYTextAnnotation t) {
                t.setPaint(readable(t.getPaint()));
            }
        }
        legend(p.getFixedLegendItems());
    }

    private void applyTo(CategoryPlot p) {
        p.setDomainGridlinePaint(grid);
        p.setRangeGridlinePaint(grid);
        p.setRangeZeroBaselinePaint(grid);
        axes(p.getDomainAxisCount(), p::getDomainAxis);
        axes(p.getRangeAxisCount(), p::getRangeAxis);
        renderers(p.getRendererCount(), p::getRenderer,
                i -> p.getDataset(i) == null ? 0 : p.getDataset(i).getRowCount());
        legend(p.getFixedLegendItems());
    }

    /** Axes {@code 0..count-1} of a plot ({@code axis(i)} may be null). */
    private void axes(int count, IntFunction<? extends Axis> axis) {
        for (int i = 0; i < count; i++) {
            axis(axis.apply(i));
        }
    }

    /** Renderers {@code 0..count-1} of a plot, each with the series count of its dataset. */
    private void renderers(int count, IntFunction<?> renderer, IntUnaryOperator seriesCount) {
        for (int i = 0; i < count; i++) {
            int series = seriesCount.applyAsInt(i);
            if (renderer.apply(i) instanceof AbstractRenderer r) {
                renderer(r, series);
            }
        }
    }

    private void axis(Axis a) {
        if (a == null) {
            return;
        }
        a.setLabelPaint(text);
        a.setTickLabelPaint(text);
        a.setAxisLinePaint(grid);
        a.setTickMarkPaint(grid);
    }

    private void renderer(AbstractRenderer r, int series) {
        r.setDefaultItemLabelPaint(readable(r.getDefaultItemLabelPaint()), false);
        for (int s = 0; s < series; s++) {
            Paint label = r.getSeriesItemLabelPaint(s);
            if (label != null) {
                r.setSeriesItemLabelPaint(s, readable(label), false);
            }
            Paint paint = r.getSeriesPaint(s);
            if (paint != null) {
                r.setSeriesPaint(s, readable(paint), false);
            }
        }
    }

    private void legend(LegendItemCollection items) {
        if (items == null) {
            return;
        }
        for (Iterator<?> it = items.iterator(); it.hasNext();) {
            LegendItem item = (LegendItem) it.next();
            if (item.getLabelPaint() != null) {
                item.setLabelPaint(readable(item.getLabelPaint()));
            }
        }
    }

    /**
     * {@code p}, or the text colour when {@code p} is a grey (or nearly) too close to the background to read (black on the
     * dark background; the dark theme's light grey back on white). Coloured paints stay.
     */
    Paint readable(Paint p) {
        if (!(p instanceof Color c) || spread(c) > 0x18) {
            return p;
        }
        return Math.abs(grey(c) - grey(background)) < 0x60 ? text : p;
    }

    private static int grey(Color c) {
        return (c.getRed() + c.getGreen() + c.getBlue()) / 3;
    }

    private static int spread(Color c) {
        int max = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()));
        int min = Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
        return max - min;
    }
}
