package org.mobilenetexplorer.ui;

import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The two small bar charts the views own (shares by kind; per-layer time vs MACs), in one look. */
final class Charts {
    /** Okabe-Ito colour-blind-safe palette: blue, orange, bluish green, vermillion. */
    static final Color BLUE = new Color(0, 114, 178);
    static final Color ORANGE = new Color(230, 159, 0);

    private Charts() {
    }

    /**
     * Shrinks the fonts of a chart built for a 1280x800 export so it reads well in a pane of the window (the
     * exported files keep their own sizes: the view-model exports its own chart object).
     */
    static JFreeChart forWindow(JFreeChart chart, double factor) {
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(scaled(chart.getTitle().getFont(), factor));
        }
        for (Object t : chart.getSubtitles()) {
            if (t instanceof org.jfree.chart.title.TextTitle tt) {
                tt.setFont(scaled(tt.getFont(), factor));
            } else if (t instanceof org.jfree.chart.title.LegendTitle lt) {
                lt.setItemFont(scaled(lt.getItemFont(), factor));
            }
        }
        if (chart.getPlot() instanceof org.jfree.chart.plot.XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i), factor);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i), factor);
            }
            for (int i = 0; i < xy.getRendererCount(); i++) {
                var r = xy.getRenderer(i);
                if (r != null && r.getDefaultItemLabelFont() != null) {
                    r.setDefaultItemLabelFont(scaled(r.getDefaultItemLabelFont(), factor));
                }
            }
        }
        return chart;
    }

    private static void axis(org.jfree.chart.axis.Axis a, double factor) {
        if (a != null) {
            a.setLabelFont(scaled(a.getLabelFont(), factor));
            a.setTickLabelFont(scaled(a.getTickLabelFont(), factor));
        }
    }

    private static Font scaled(Font f, double factor) {
        return f.deriveFont((float) Math.max(9, f.getSize2D() * factor));
    }

    static JFreeChart shareBars(String title, String axis, DefaultCategoryDataset data, PlotOrientation o,
                                boolean rotateLabels) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, o, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesPaint(1, ORANGE);
        renderer.setItemMargin(0.05);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(200, 200, 200));
        if (rotateLabels) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
            plot.getDomainAxis().setTickLabelFont(new Font("SansSerif", Font.PLAIN, 10));
        }
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 14));
        }
        return chart;
    }
}
