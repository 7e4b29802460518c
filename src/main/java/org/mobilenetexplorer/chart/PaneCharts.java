package org.mobilenetexplorer.chart;

import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mobilenetexplorer.bench.LayerProfile;
import org.mobilenetexplorer.model.KindShare;

/**
 * The small charts inside the desktop app's panes, in the palette of {@link ChartStyle}: shares by layer kind
 * (Explore) and a result's per-layer share of time against its share of MACs (Benchmark); and
 * {@link #forWindow} to fit a chart built for a 1280 x 800 export into a pane. No JavaFX here: the GUI puts
 * these charts in a {@code ChartViewer}.
 */
public final class PaneCharts {
    private PaneCharts() {
    }

    /**
     * Each layer kind's share of the MACs and of the params, as horizontal bars from 0 to 100 %. Kinds with neither
     * (pooling, softmax, V3's residual add and squeeze-and-excite multiply: elementwise by the counting convention)
     * are left out: two empty rows each, they crowded V3's nine kinds into a pane at 1280 x 800.
     */
    public static JFreeChart kindShares(List<KindShare> shares) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (KindShare s : shares) {
            if (s.macShare() == 0 && s.paramShare() == 0) {
                continue;
            }
            data.addValue(s.macShare(), "MACs", s.kind().paperName());
            data.addValue(s.paramShare(), "Params", s.kind().paperName());
        }
        JFreeChart chart = shareBars("Shares by layer kind", null, data, PlotOrientation.HORIZONTAL, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        chart.setPadding(new RectangleInsets(2, 2, 2, 16)); // room for the "100%" tick label
        return chart;
    }

    /** Each profiled layer's share of the measured time beside its share of the MACs, one bar pair per layer. */
    public static JFreeChart layerProfile(List<LayerProfile> layers) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LayerProfile l : layers) {
            data.addValue(l.timeShare(), "share of measured time", l.name());
            data.addValue(l.macShare(), "share of MACs", l.name());
        }
        JFreeChart chart = shareBars(null, "share", data, PlotOrientation.VERTICAL, true);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(4f);
        // an empty plot said nothing (its axis ran to 105 %): say what fills it
        chart.getCategoryPlot().setNoDataMessage("No per-layer profile: select a result measured with the per-layer"
                + " profile on.");
        chart.getCategoryPlot().setNoDataMessageFont(ChartStyle.PANE_TITLE);
        return chart;
    }

    /**
     * Shrinks the fonts of {@code chart} (built for a 1280x800 export) by {@code factor}, never below
     * {@link ChartStyle#PANE_MIN_FONT_SIZE}, so it reads well in a pane of the window; returns it. Exports keep
     * their own sizes: pass a copy.
     */
    public static JFreeChart forWindow(JFreeChart chart, double factor) {
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(scaled(chart.getTitle().getFont(), factor));
        }
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle tt) {
                tt.setFont(scaled(tt.getFont(), factor));
            } else if (t instanceof LegendTitle lt) {
                lt.setItemFont(scaled(lt.getItemFont(), factor));
            }
        }
        if (chart.getPlot() instanceof XYPlot xy) {
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

    private static void axis(Axis a, double factor) {
        if (a != null) {
            a.setLabelFont(scaled(a.getLabelFont(), factor));
            a.setTickLabelFont(scaled(a.getTickLabelFont(), factor));
        }
    }

    private static Font scaled(Font f, double factor) {
        return f.deriveFont((float) Math.max(ChartStyle.PANE_MIN_FONT_SIZE, f.getSize2D() * factor));
    }

    private static JFreeChart shareBars(String title, String axis, DefaultCategoryDataset data, PlotOrientation o,
                                        boolean rotateLabels) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, o, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.BLUE);
        renderer.setSeriesPaint(1, ChartStyle.ORANGE);
        renderer.setItemMargin(0.05);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        if (rotateLabels) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
            plot.getDomainAxis().setTickLabelFont(ChartStyle.PANE_CATEGORY_LABEL);
        }
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(ChartStyle.PANE_TITLE);
        }
        return chart;
    }
}
