package org.mobilenetexplorer.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.tradeoff.TradeoffAnalysis;
import org.mobilenetexplorer.tradeoff.TradeoffPoint;

/**
 * Draws a trade-off analysis for the window: published points filled, estimated ones hollow, the Pareto front
 * as a line, MACs on a log axis; hover text from {@code describe}. Remembers which point each item is, so a
 * click can load its configuration.
 */
final class TradeoffChartFactory implements TradeoffView.ChartFactory {
    private final Function<TradeoffPoint, String> describe;
    private final List<List<TradeoffPoint>> items = new ArrayList<>();

    TradeoffChartFactory(Function<TradeoffPoint, String> describe) {
        this.describe = describe;
    }

    @Override
    public JFreeChart apply(TradeoffAnalysis a) {
        CostAxis axis = a.axis();
        items.clear();
        XYSeriesCollection data = new XYSeriesCollection();
        List<TradeoffPoint> published = new ArrayList<>();
        List<TradeoffPoint> estimated = new ArrayList<>();
        for (TradeoffPoint p : a.plottable()) {
            (p.accuracy().estimated() ? estimated : published).add(p);
        }
        List<TradeoffPoint> front = new ArrayList<>(a.paretoFront());
        front.sort(Comparator.comparingDouble(p -> p.cost(axis)));
        add(data, "published (" + a.source().id() + ")", published, axis, false);
        add(data, "estimated (est.)", estimated, axis, false);
        add(data, "Pareto front", front, axis, true);

        ValueAxis x = axis == CostAxis.MACS ? new LogAxis(axis.axisLabel()) : new NumberAxis(axis.axisLabel());
        if (x instanceof LogAxis log) {
            log.setBase(10);
            log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
            log.setSmallestValue(1);
        }
        x.setLowerMargin(0.06);
        x.setUpperMargin(0.06);
        NumberAxis y = new NumberAxis(a.metric().title() + " [%]");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShapesVisible(2, false);
        r.setSeriesLinesVisible(2, true);
        r.setSeriesPaint(0, Charts.BLUE);
        r.setSeriesPaint(1, Charts.BLUE);
        r.setSeriesShapesFilled(1, false);
        r.setSeriesPaint(2, Charts.ORANGE);
        r.setSeriesStroke(2, new BasicStroke(2.5f));
        for (int s = 0; s < 2; s++) {
            r.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        }
        r.setDefaultToolTipGenerator((ds, s, i) -> describe.apply(items.get(s).get(i)));
        XYItemLabelGenerator labels = (ds, s, i) -> s == 2 ? null : shortLabel(items.get(s).get(i));
        r.setDefaultItemLabelGenerator(labels);
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(210, 210, 210));
        plot.setRangeGridlinePaint(new Color(210, 210, 210));
        JFreeChart chart = new JFreeChart(a.metric().title() + " vs " + axis.title(),
                new Font("SansSerif", Font.BOLD, 15), plot, true);
        chart.addSubtitle(new TextTitle("accuracy: " + a.source().name() + (axis == CostAxis.LATENCY
                ? " · latency: " + a.latency().backendName() + " on " + a.latency().cpu() : " · MACs and params"
                + " computed"), new Font("SansSerif", Font.PLAIN, 11)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private void add(XYSeriesCollection data, String key, List<TradeoffPoint> pts, CostAxis axis, boolean line) {
        XYSeries s = new XYSeries(key, false, true);
        for (TradeoffPoint p : pts) {
            s.add(p.cost(axis), p.accuracyValue());
        }
        data.addSeries(s);
        items.add(List.copyOf(pts));
    }

    private static String shortLabel(TradeoffPoint p) {
        return org.mobilenetexplorer.model.MobileNetConfig.fmt(p.config().alpha()) + "-" + p.config().resolution();
    }

    @Override
    public TradeoffPoint pointAt(int series, int item) {
        if (series < 0 || series >= items.size() || item < 0 || item >= items.get(series).size()) {
            return null;
        }
        return items.get(series).get(item);
    }
}
