package org.mobilenetexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mobilenetexplorer.accuracy.Accuracy;
import org.mobilenetexplorer.accuracy.ComparisonModel;
import org.mobilenetexplorer.bench.LayerProfile;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.KindShare;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.tradeoff.LatencyTable;
import org.mobilenetexplorer.tradeoff.MeasuredLatency;
import org.mobilenetexplorer.tradeoff.TradeoffAnalysis;
import org.mobilenetexplorer.tradeoff.TradeoffPoint;

/**
 * Builds the charts. Every method returns a new {@link JFreeChart} built only from the data model it is given, so
 * the CLI export and the GUI show the same chart.
 */
public final class TradeoffCharts {
    /** Marker diameter in points. */
    static final double MARKER = 13;

    private TradeoffCharts() {
    }

    /**
     * Accuracy against a cost (latency, MACs or params), one source per series: markers labelled alpha-resolution,
     * estimated values hollow, the Pareto front as a step line, optional labelled reference series. MACs and params
     * use a log axis (the paper's Figures 4 and 5).
     */
    public static JFreeChart accuracyVsCost(TradeoffAnalysis a, ChartOptions o) {
        CostAxis axis = a.axis();
        List<TradeoffDataset.Series> pointSeries = new ArrayList<>();
        // one series per family (and V3 variant) when the candidates span several, each with its marker and colour
        Map<FamilyMarker, List<PlotPoint>> byFamily = new EnumMap<>(FamilyMarker.class);
        for (TradeoffPoint p : a.plottable()) {
            byFamily.computeIfAbsent(FamilyMarker.of(p.config()), k -> new ArrayList<>())
                    .add(plotPoint(p, axis, PlotPoint.Role.CONFIGURATION));
        }
        List<FamilyMarker> groups = new ArrayList<>(byFamily.keySet());
        boolean perFamily = groups.size() > 1;
        if (perFamily) {
            for (FamilyMarker f : groups) {
                pointSeries.add(new TradeoffDataset.Series(f.displayName() + " [" + a.source().id() + " "
                        + a.metric().id() + "]", byFamily.get(f)));
            }
        } else {
            pointSeries.add(new TradeoffDataset.Series(seriesName(a), a.plottable().stream()
                    .map(p -> plotPoint(p, axis, PlotPoint.Role.CONFIGURATION)).toList()));
        }
        int configSeries = pointSeries.size();
        if (axis != CostAxis.LATENCY && !o.comparisonModels().isEmpty()) {
            List<PlotPoint> cmp = new ArrayList<>();
            for (ComparisonModel m : o.comparisonModels()) {
                double x = axis == CostAxis.MACS ? m.millionMacs() : m.millionParams();
                cmp.add(new PlotPoint(x, m.top1(), m.name(), PlotPoint.Role.COMPARISON_MODEL, false, false, "paper",
                        "published in the paper, " + m.origin() + ": " + fmt(m.top1()) + "% ImageNet, "
                                + fmt(m.millionMacs()) + "M mult-adds, " + fmt(m.millionParams()) + "M params", null));
            }
            pointSeries.add(new TradeoffDataset.Series("Paper comparison models (Tables 8-9, as printed)", cmp));
        }
        if (axis == CostAxis.LATENCY && o.phoneReference() != null && !o.phoneReference().points().isEmpty()) {
            pointSeries.add(new TradeoffDataset.Series(o.phoneReference().label(), o.phoneReference().points()));
        }
        TradeoffDataset points = new TradeoffDataset(pointSeries);

        ValueAxis xAxis = costAxis(a, points);
        style(xAxis);
        NumberAxis yAxis = accuracyAxis(a.metric());

        PointRenderer pr = new PointRenderer(points, a.paretoFront());
        Shape[] shapes = {new Ellipse2D.Double(-MARKER / 2, -MARKER / 2, MARKER, MARKER),
            ShapeUtils.createDiamond((float) (MARKER * 0.6)), ShapeUtils.createUpTriangle((float) (MARKER * 0.55))};
        Paint[] paints = {ChartStyle.BLUE, ChartStyle.REDDISH_PURPLE, ChartStyle.BLUISH_GREEN};
        for (int s = 0; s < pointSeries.size(); s++) {
            if (perFamily && s < configSeries) {
                pr.setSeriesShape(s, groups.get(s).shape());
                pr.setSeriesPaint(s, groups.get(s).paint());
                continue;
            }
            boolean refSeries = s >= configSeries;
            pr.setSeriesShape(s, refSeries && pointSeries.get(s).points().get(0).role()
                    == PlotPoint.Role.PUBLISHED_LATENCY ? shapes[2] : shapes[refSeries ? 1 : 0]);
            pr.setSeriesPaint(s, refSeries && pointSeries.get(s).points().get(0).role()
                    == PlotPoint.Role.PUBLISHED_LATENCY ? paints[2] : paints[refSeries ? 1 : 0]);
        }
        pr.setDefaultItemLabelsVisible(o.itemLabels());
        pr.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL);
        pr.setDefaultItemLabelPaint(Color.DARK_GRAY);
        pr.setDefaultItemLabelGenerator((ds, s, i) -> points.point(s, i).displayLabel());
        pr.setDefaultToolTipGenerator(new PlotPointToolTips());
        for (int s = configSeries; s < pointSeries.size(); s++) { // reference series: smaller, coloured labels
            pr.setSeriesItemLabelFont(s, ChartStyle.ITEM_LABEL.deriveFont(12f));
            pr.setSeriesItemLabelPaint(s, pr.getSeriesPaint(s));
        }

        XYPlot plot = new XYPlot(points, xAxis, yAxis, pr);
        if (o.paretoFront()) {
            List<PlotPoint> front = a.paretoFront().stream().map(p -> plotPoint(p, axis, PlotPoint.Role.PARETO))
                    .toList();
            if (!front.isEmpty()) {
                TradeoffDataset fd = new TradeoffDataset(List.of(new TradeoffDataset.Series(
                        "Pareto front (max " + a.metric().id() + ", min " + axis.id() + ")", front)));
                plot.setDataset(1, fd);
                plot.setRenderer(1, paretoStep());
            }
        }
        stylePlot(plot);

        LegendItemCollection legend = new LegendItemCollection();
        legend.addAll(plot.getLegendItems());
        if (a.plottable().stream().anyMatch(p -> p.accuracy().estimated())) {
            LegendItem hollow = new LegendItem("hollow = estimated (" + a.estimatorError().summary() + ")",
                    null, null, null, true, new Ellipse2D.Double(-MARKER / 2, -MARKER / 2, MARKER, MARKER),
                    false, ChartStyle.BLUE, true, ChartStyle.BLUE, ChartStyle.OUTLINE, false,
                    new Rectangle2D.Double(), new BasicStroke(), Color.BLACK);
            legend.add(hollow);
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(o.title() != null ? o.title() : defaultTitle(a), ChartStyle.TITLE, plot,
                true);
        finish(chart, provenance(a));
        return chart;
    }

    /** Colours of the devices of a multi-series chart, in series order (the Okabe-Ito palette). */
    private static final Paint[] DEVICE_PAINTS = {ChartStyle.BLUE, ChartStyle.VERMILLION, ChartStyle.BLUISH_GREEN,
        ChartStyle.SKY_BLUE, ChartStyle.BLACK};
    /** Colours of the published reference devices. */
    private static final Paint[] PUBLISHED_PAINTS = {ChartStyle.REDDISH_PURPLE, ChartStyle.ORANGE, ChartStyle.YELLOW,
        new Color(0x80, 0x80, 0x80)};
    /** Most latency provenance lines under a multi-series chart. */
    private static final int MAX_SERIES_LINES = 6;

    /**
     * Accuracy against latency for several series (devices x precisions x measured/predicted/published), each its own
     * legend entry, never mixed: colour by device, circle for FP32, square for INT8, triangle for a published
     * reference device; predicted latencies hollow with a dashed outline; a thin grey line joins a configuration's FP32
     * and INT8 points of the same device. Point labels carry the series tag, so no two read the same. The Pareto
     * front drawn is the first series'.
     *
     * @throws IllegalArgumentException when {@code series} is empty
     */
    public static JFreeChart accuracyVsLatency(List<org.mobilenetexplorer.tradeoff.LatencySeries> series,
                                               ChartOptions o) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no series to chart");
        }
        TradeoffAnalysis first = series.get(0).analysis();
        List<TradeoffDataset.Series> data = new ArrayList<>();
        Map<String, Integer> deviceIndex = new java.util.LinkedHashMap<>();
        int published = 0;
        List<Paint> paints = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (org.mobilenetexplorer.tradeoff.LatencySeries ls : series) {
            TradeoffAnalysis a = ls.analysis();
            List<PlotPoint> pts = new ArrayList<>();
            for (TradeoffPoint p : a.plottable()) {
                PlotPoint pp = plotPoint(p, CostAxis.LATENCY, ls.kind()
                        == org.mobilenetexplorer.tradeoff.LatencyKind.PUBLISHED ? PlotPoint.Role.PUBLISHED_LATENCY
                        : PlotPoint.Role.CONFIGURATION);
                pts.add(new PlotPoint(pp.x(), pp.y(), ls.pointLabel(p), pp.role(), pp.estimated(), pp.extrapolated(),
                        pp.sourceId(), ls.name() + ": " + pp.provenance(), p));
            }
            data.add(new TradeoffDataset.Series(fit(seriesKey(ls)), pts));
            double m = MARKER;
            switch (ls.kind()) {
                case PUBLISHED -> {
                    paints.add(PUBLISHED_PAINTS[published++ % PUBLISHED_PAINTS.length]);
                    shapes.add(ShapeUtils.createUpTriangle((float) (m * 0.55)));
                }
                case MEASURED, PREDICTED -> {
                    int d = deviceIndex.computeIfAbsent(ls.device(), k -> deviceIndex.size());
                    paints.add(DEVICE_PAINTS[d % DEVICE_PAINTS.length]);
                    shapes.add(ls.precision() == org.mobilenetexplorer.model.Precision.INT8
                            ? new Rectangle2D.Double(-m * 0.42, -m * 0.42, m * 0.84, m * 0.84)
                            : new Ellipse2D.Double(-m / 2, -m / 2, m, m));
                }
            }
        }
        TradeoffDataset points = new TradeoffDataset(data);
        ValueAxis xAxis = costAxis(first, points);
        style(xAxis);
        NumberAxis yAxis = accuracyAxis(first.metric());
        PointRenderer pr = new PointRenderer(points, first.paretoFront());
        for (int s = 0; s < data.size(); s++) {
            pr.setSeriesShape(s, shapes.get(s));
            pr.setSeriesPaint(s, paints.get(s));
        }
        pr.setDefaultItemLabelsVisible(o.itemLabels());
        pr.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL.deriveFont(12f));
        pr.setDefaultItemLabelPaint(Color.DARK_GRAY);
        pr.setDefaultItemLabelGenerator((ds, s, i) -> points.point(s, i).displayLabel());
        pr.setDefaultToolTipGenerator(new PlotPointToolTips());
        XYPlot plot = new XYPlot(points, xAxis, yAxis, pr);
        if (o.paretoFront()) {
            List<PlotPoint> front = first.paretoFront().stream().map(p -> plotPoint(p, CostAxis.LATENCY,
                    PlotPoint.Role.PARETO)).toList();
            if (!front.isEmpty()) {
                plot.setDataset(1, new TradeoffDataset(List.of(new TradeoffDataset.Series(fit("Pareto front of "
                        + series.get(0).name()), front))));
                plot.setRenderer(1, paretoStep());
            }
        }
        List<TradeoffDataset.Series> links = precisionLinks(series, data);
        if (!links.isEmpty()) {
            XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
            for (int i = 0; i < links.size(); i++) {
                lr.setSeriesPaint(i, ChartStyle.GRID.darker());
                lr.setSeriesStroke(i, ChartStyle.LINK);
                lr.setSeriesVisibleInLegend(i, false);
            }
            plot.setDataset(2, new TradeoffDataset(links));
            plot.setRenderer(2, lr);
        }
        stylePlot(plot);

        LegendItemCollection legend = new LegendItemCollection();
        legend.addAll(plot.getLegendItems());
        Shape circle = new Ellipse2D.Double(-MARKER / 2, -MARKER / 2, MARKER, MARKER);
        if (series.stream().anyMatch(s -> s.kind() == org.mobilenetexplorer.tradeoff.LatencyKind.PREDICTED)) {
            legend.add(new LegendItem("hollow, dashed = predicted latency (device profile), not measured", null, null,
                    null, true, circle, false, ChartStyle.BLUE, true, ChartStyle.BLUE, ChartStyle.PREDICTED_OUTLINE,
                    false, new Rectangle2D.Double(), new BasicStroke(), Color.BLACK));
        }
        if (!links.isEmpty()) {
            legend.add(new LegendItem("thin line = one configuration in FP32 (circle) and INT8 (square)", null, null,
                    null, false, circle, false, Color.GRAY, false, Color.GRAY, new BasicStroke(), true,
                    new java.awt.geom.Line2D.Double(-8, 0, 8, 0), ChartStyle.LINK, ChartStyle.GRID.darker()));
        }
        if (series.stream().anyMatch(s -> s.analysis().plottable().stream().anyMatch(p -> p.accuracy().estimated()))) {
            legend.add(new LegendItem("hollow = estimated accuracy (est.)", null, null, null, true, circle, false,
                    ChartStyle.BLUE, true, ChartStyle.BLUE, ChartStyle.OUTLINE, false, new Rectangle2D.Double(),
                    new BasicStroke(), Color.BLACK));
        }
        plot.setFixedLegendItems(legend);
        String title = o.title() != null ? o.title() : "ImageNet " + (first.metric()
                == org.mobilenetexplorer.accuracy.AccuracyMetric.TOP1 ? "Top-1" : "Top-5") + " accuracy vs latency, "
                + series.size() + " series (device × precision × measured/predicted/published)";
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        finish(chart, seriesProvenance(series));
        return chart;
    }

    /** Legend text: the series name and its accuracy source, labelled when the source is of the other precision. */
    static String seriesKey(org.mobilenetexplorer.tradeoff.LatencySeries ls) {
        TradeoffAnalysis a = ls.analysis();
        boolean quantSource = a.source().id().contains("quant");
        boolean int8 = ls.precision() == org.mobilenetexplorer.model.Precision.INT8;
        String mixed = ls.kind() != org.mobilenetexplorer.tradeoff.LatencyKind.PUBLISHED && quantSource != int8
                ? ", " + (quantSource ? "INT8" : "FP32") + " accuracy" : "";
        return ls.name() + " [" + a.source().id() + " " + a.metric().id() + mixed + "]";
    }

    /** One series per configuration measured in FP32 and INT8 on the same device: its two points. */
    private static List<TradeoffDataset.Series> precisionLinks(List<org.mobilenetexplorer.tradeoff.LatencySeries> series,
                                                               List<TradeoffDataset.Series> data) {
        List<TradeoffDataset.Series> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            var fp = series.get(i);
            if (fp.kind() != org.mobilenetexplorer.tradeoff.LatencyKind.MEASURED
                    || fp.precision() != org.mobilenetexplorer.model.Precision.FP32) {
                continue;
            }
            for (int j = 0; j < series.size(); j++) {
                var q = series.get(j);
                if (q.kind() != org.mobilenetexplorer.tradeoff.LatencyKind.MEASURED
                        || q.precision() != org.mobilenetexplorer.model.Precision.INT8 || !q.device().equals(fp.device())) {
                    continue;
                }
                for (PlotPoint a : data.get(i).points()) {
                    for (PlotPoint b : data.get(j).points()) {
                        if (a.point().config().equals(b.point().config())) {
                            out.add(new TradeoffDataset.Series(a.point().label() + " FP32-INT8 " + fp.device(),
                                    List.of(a, b)));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<String> seriesProvenance(List<org.mobilenetexplorer.tradeoff.LatencySeries> series) {
        List<String> lines = new ArrayList<>();
        java.util.LinkedHashSet<String> sources = new java.util.LinkedHashSet<>();
        for (var s : series) {
            sources.add(s.analysis().source().name() + " [" + s.analysis().source().id() + "]");
        }
        lines.add("Accuracy: " + String.join("; ", sources) + " (INT8 series take a quantized source)");
        int n = 0;
        for (var s : series) {
            if (n++ == MAX_SERIES_LINES) {
                lines.add("... and " + (series.size() - MAX_SERIES_LINES) + " more series (see the legend)");
                break;
            }
            LatencyTable l = s.analysis().latency();
            lines.add(switch (s.kind()) {
                case MEASURED -> s.name() + ": " + l.backendName() + ", median per image, batch 1 (result files in "
                        + l.directory() + ")";
                case PREDICTED -> s.name() + ": predicted by the latency model from the device profile, not measured";
                case PUBLISHED -> s.name() + ": published phone latency (TF-Slim/papers), not measured here";
            });
        }
        return lines;
    }

    /** Marker shape and colour of each family (and V3 variant) on a chart holding several. */
    enum FamilyMarker {
        V1("MobileNet v1", ChartStyle.BLUE),
        V2("MobileNet v2", ChartStyle.VERMILLION),
        V3_LARGE("MobileNet v3-Large", ChartStyle.BLUISH_GREEN),
        V3_LARGE_MINIMALISTIC("MobileNet v3-Large minimalistic", ChartStyle.BLACK),
        V3_SMALL("MobileNet v3-Small", ChartStyle.SKY_BLUE),
        V3_SMALL_MINIMALISTIC("MobileNet v3-Small minimalistic", new Color(0x80, 0x80, 0x80));

        private final String displayName;
        private final Paint paint;

        FamilyMarker(String displayName, Paint paint) {
            this.displayName = displayName;
            this.paint = paint;
        }

        static FamilyMarker of(MobileNetConfig c) {
            return switch (c.family()) {
                case V1 -> V1;
                case V2 -> V2;
                case V3_LARGE -> c.minimalistic() ? V3_LARGE_MINIMALISTIC : V3_LARGE;
                case V3_SMALL -> c.minimalistic() ? V3_SMALL_MINIMALISTIC : V3_SMALL;
            };
        }

        String displayName() {
            return displayName;
        }

        Paint paint() {
            return paint;
        }

        /** Circle, square, diamond, up- and down-triangles: distinct in black and white too. */
        Shape shape() {
            double m = MARKER;
            return switch (this) {
                case V1 -> new Ellipse2D.Double(-m / 2, -m / 2, m, m);
                case V2 -> new Rectangle2D.Double(-m * 0.42, -m * 0.42, m * 0.84, m * 0.84);
                case V3_LARGE -> ShapeUtils.createDiamond((float) (m * 0.6));
                case V3_LARGE_MINIMALISTIC -> ShapeUtils.createUpTriangle((float) (m * 0.55));
                case V3_SMALL -> ShapeUtils.createDownTriangle((float) (m * 0.55));
                case V3_SMALL_MINIMALISTIC -> ShapeUtils.createDiagonalCross((float) (m * 0.45), (float) (m * 0.18));
            };
        }
    }

    private static String seriesName(TradeoffAnalysis a) {
        String s = a.source().name() + " " + a.metric().id() + " [" + a.source().id() + "]";
        if (a.axis() == CostAxis.LATENCY && !a.latency().isEmpty()) {
            s += ", latency: " + a.latency().backendName();
        }
        return fit(s);
    }

    /** Longest line of text drawn (provenance, legend): file paths and names from files can be any length. */
    static final int MAX_LINE = 300;

    /**
     * {@code s} cut to {@value #MAX_LINE} characters with an ellipsis: JFreeChart breaks an unspaced word by
     * measuring ever longer prefixes, so a 16,000-character path took minutes to draw.
     */
    static String fit(String s) {
        return s.length() <= MAX_LINE ? s : s.substring(0, MAX_LINE - 1) + "\u2026";
    }

    private static String defaultTitle(TradeoffAnalysis a) {
        String metric = a.metric() == org.mobilenetexplorer.accuracy.AccuracyMetric.TOP1 ? "Top-1" : "Top-5";
        return switch (a.axis()) {
            case MACS -> "ImageNet " + metric + " accuracy vs mult-adds (cf. paper Figure 4)";
            case PARAMS -> "ImageNet " + metric + " accuracy vs parameters (cf. paper Figure 5)";
            case LATENCY -> "ImageNet " + metric + " accuracy vs measured latency";
        };
    }

    /** The provenance lines of a trade-off chart. */
    static List<String> provenance(TradeoffAnalysis a) {
        List<String> lines = new ArrayList<>();
        lines.add("Accuracy: " + a.source().name() + " [" + a.source().id() + "], " + a.source().metric());
        lines.add("Accuracy source: " + a.source().citation() + (a.estimatorError().available()
                && a.plottable().stream().anyMatch(p -> p.accuracy().estimated())
                ? "; estimates (hollow, est.): " + a.estimatorError().summary() : "")
                + (a.plottable().stream().anyMatch(p -> p.accuracy().extrapolated())
                ? "; est.* = extrapolated beyond the published range" : ""));
        if (a.axis() == CostAxis.LATENCY) {
            LatencyTable l = a.latency();
            long unstable = a.plottable().stream().filter(p -> !p.latency().stable()).count();
            lines.add(l.backendName().isBlank()
                    ? "Latency: nothing measured yet (result files in " + l.directory() + ")"
                    : "Latency: " + l.backendName() + ", median per image, batch 1, latency on "
                    + (l.cpu().isBlank() ? "an unrecorded CPU" : l.cpu()) + " (result files in " + l.directory() + ")"
                    + (unstable > 0 ? "; " + unstable + " of " + a.plottable().size()
                    + " measurements flagged unstable by the benchmark" : ""));
        } else {
            lines.add("MACs and params computed by MobileNet Explorer (1 MAC = one multiply-add; FC layer included;"
                    + " batch norm not counted)");
        }
        return lines;
    }

    private static ValueAxis costAxis(TradeoffAnalysis a, TradeoffDataset points) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (PlotPoint p : points.allPoints()) {
            min = Math.min(min, p.x());
            max = Math.max(max, p.x());
        }
        boolean log = a.axis() != CostAxis.LATENCY || (max > 0 && min > 0 && max / min > 8);
        String label = a.axis().axisLabel() + (log ? ", log scale" : "");
        if (!log) {
            NumberAxis ax = new NumberAxis(label);
            ax.setAutoRangeIncludesZero(true);
            return ax;
        }
        LogarithmicAxis ax = new DecadeLogAxis(label);
        ax.setStrictValuesFlag(false);
        ax.setAllowNegativesFlag(false);
        ax.setExpTickLabelsFlag(false);
        ax.setLog10TickLabelsFlag(false);
        ax.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
        if (min < Double.POSITIVE_INFINITY) {
            // room for the item labels on both sides, as a share of the data's span in decades (labels have a
            // fixed width in pixels, so a fixed factor is too small for wide spans)
            double decades = Math.max(Math.log10(max / min), 0.5);
            ax.setRange(min / Math.pow(10, 0.15 * decades), max * Math.pow(10, 0.14 * decades));
        }
        return ax;
    }

    /** The accuracy (y) axis of a trade-off chart, styled. */
    private static NumberAxis accuracyAxis(org.mobilenetexplorer.accuracy.AccuracyMetric metric) {
        NumberAxis ax = new NumberAxis(metric.title() + " (%, ImageNet)");
        ax.setAutoRangeIncludesZero(false);
        ax.setNumberFormatOverride(new DecimalFormat("0"));
        // whole percents only: on a narrow range (no points: 0..1) finer ticks printed "0 0 0 1 1 1"
        ax.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style(ax);
        return ax;
    }

    /** The Pareto front's step line (dataset 1 of a trade-off chart). */
    private static XYStepRenderer paretoStep() {
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, ChartStyle.ORANGE);
        step.setSeriesStroke(0, ChartStyle.FRONT);
        step.setDefaultToolTipGenerator(new PlotPointToolTips());
        return step;
    }

    /** A trade-off chart's plot: white, light grid lines, no outline. */
    private static void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        plot.setNoDataMessage("No points: none of these configurations has both a cost and an accuracy here.");
        plot.setNoDataMessageFont(ChartStyle.AXIS_LABEL);
    }

    private static void style(ValueAxis ax) {
        ax.setLabelFont(ChartStyle.AXIS_LABEL);
        ax.setTickLabelFont(ChartStyle.TICK_LABEL);
        ax.setLabelPaint(Color.BLACK);
        ax.setTickLabelPaint(Color.BLACK);
    }

    private static void finish(JFreeChart chart, List<String> provenance) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setElementHinting(true); // SVG export: items grouped with their series and index
        chart.getTitle().setFont(ChartStyle.TITLE);
        // bottom subtitles stack outwards: add the last line first so the lines read top to bottom
        for (int i = provenance.size() - 1; i >= 0; i--) {
            String line = fit(provenance.get(i));
            TextTitle t = new TextTitle(line, ChartStyle.SUBTITLE);
            t.setPaint(Color.DARK_GRAY);
            t.setHorizontalAlignment(HorizontalAlignment.LEFT);
            t.setPosition(RectangleEdge.BOTTOM);
            t.setPadding(new RectangleInsets(1, 8, 1, 8));
            chart.addSubtitle(t);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(ChartStyle.LEGEND);
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    }

    static PlotPoint plotPoint(TradeoffPoint p, CostAxis axis, PlotPoint.Role role) {
        Accuracy acc = p.accuracy();
        StringBuilder prov = new StringBuilder();
        prov.append(acc.method());
        if (acc.estimated()) {
            prov.append(" (").append(acc.error().summary()).append(')');
        }
        if (axis == CostAxis.LATENCY && p.latency() != null) {
            MeasuredLatency l = p.latency();
            prov.append(l.kind() == org.mobilenetexplorer.tradeoff.LatencyKind.MEASURED ? "; latency "
                    : "; " + l.kind().id() + " latency ").append(fmt(l.medianMs())).append(" ms, ")
                    .append(l.backendName()).append(" on ")
                    .append(l.cpu()).append(", ").append(l.resultFile()).append(l.stable() ? "" : " (unstable)");
        } else if (axis != CostAxis.LATENCY) {
            prov.append("; ").append(axis.title().toLowerCase(Locale.ROOT)).append(" computed");
        }
        return new PlotPoint(p.cost(axis), acc.value(), p.label(), role, acc.estimated(), acc.extrapolated(),
                acc.sourceId(), prov.toString(), p);
    }

    static String fmt(double v) {
        return new DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    /** Markers filled for published values, hollow for estimates (item by item, from the dataset's records). */
    static final class PointRenderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private static final ItemLabelPosition UPPER_LEFT = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE10,
                TextAnchor.BOTTOM_RIGHT);
        private static final ItemLabelPosition LOWER_RIGHT = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE4,
                TextAnchor.TOP_LEFT);
        private static final ItemLabelPosition UPPER_RIGHT = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE2,
                TextAnchor.BOTTOM_LEFT);
        private static final ItemLabelPosition LOWER_LEFT = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE8,
                TextAnchor.TOP_RIGHT);
        private final transient TradeoffDataset data;
        private transient java.awt.Graphics2D g2;
        private transient Rectangle2D dataArea;
        private final transient Map<String, Rectangle2D> labelBoxes = new HashMap<>();
        private final transient Map<TradeoffPoint, Integer> frontRank = new java.util.IdentityHashMap<>();

        PointRenderer(TradeoffDataset data, List<TradeoffPoint> front) {
            super(false, true);
            this.data = data;
            for (int i = 0; i < front.size(); i++) {
                frontRank.put(front.get(i), i);
            }
            setDrawOutlines(true);
            setUseOutlinePaint(false);
            setDefaultOutlineStroke(ChartStyle.OUTLINE);
            setAutoPopulateSeriesOutlineStroke(false);
        }

        /**
         * Hollow for an estimated accuracy or a predicted latency; filled otherwise (also for the legend of a series
         * without points).
         */
        @Override
        public boolean getItemShapeFilled(int series, int item) {
            return item >= data.getItemCount(series) || !data.point(series, item).estimated() && !predicted(series, item);
        }

        private boolean predicted(int series, int item) {
            if (series >= data.getSeriesCount() || item >= data.getItemCount(series)) {
                return false;
            }
            TradeoffPoint p = data.point(series, item).point();
            return p != null && p.latency() != null
                    && p.latency().kind() == org.mobilenetexplorer.tradeoff.LatencyKind.PREDICTED;
        }

        /** A predicted latency's marker has a dashed outline (hollow and dashed: "predicted" in the legend). */
        @Override
        public java.awt.Stroke getItemOutlineStroke(int series, int item) {
            return predicted(series, item) ? ChartStyle.PREDICTED_OUTLINE : super.getItemOutlineStroke(series, item);
        }

        /**
         * Labels keep clear of the step line, which leaves each front vertex to the right and arrives from below:
         * front points alternate between above-left and below-right (neighbours on the front are often close),
         * dominated and reference points are labelled below-right.
         */
        @Override
        public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
            if (series >= data.getSeriesCount() || item >= data.getItemCount(series)) {
                return LOWER_RIGHT;
            }
            PlotPoint p = data.point(series, item);
            Integer rank = frontRank.get(p.point());
            // the most expensive front point has no room on its right
            ItemLabelPosition preferred = rank == null ? LOWER_RIGHT
                    : rank % 2 == 0 || rank == frontRank.size() - 1 ? UPPER_LEFT : LOWER_RIGHT;
            if (g2 == null || dataArea == null || getPlot() == null) {
                return preferred;
            }
            // a label that would leave the plot area (and be cut at the image's edge) moves to a side with room
            XYPlot plot = getPlot();
            double x = plot.getDomainAxis().valueToJava2D(p.x(), dataArea, plot.getDomainAxisEdge());
            double y = plot.getRangeAxis().valueToJava2D(p.y(), dataArea, plot.getRangeAxisEdge());
            java.awt.FontMetrics fm = g2.getFontMetrics(getItemLabelFont(series, item));
            double w = fm.stringWidth(p.displayLabel());
            double h = fm.getAscent() + fm.getDescent();
            ItemLabelPosition best = preferred;
            double bestOverflow = Double.MAX_VALUE;
            for (ItemLabelPosition c : List.of(preferred, LOWER_RIGHT, UPPER_LEFT, UPPER_RIGHT, LOWER_LEFT)) {
                Rectangle2D r = labelBox(c, x, y, w, h);
                double overflow = Math.max(0, dataArea.getMinX() - r.getMinX())
                        + Math.max(0, r.getMaxX() - dataArea.getMaxX())
                        + Math.max(0, dataArea.getMinY() - r.getMinY())
                        + Math.max(0, r.getMaxY() - dataArea.getMaxY());
                if (overflow < bestOverflow) {
                    best = c;
                    bestOverflow = overflow;
                }
                if (overflow == 0) {
                    break;
                }
            }
            labelBoxes.put(series + ":" + item, labelBox(best, x, y, w, h));
            return best;
        }

        /** Where a label of {@code w} x {@code h} at {@code c} lands around the marker centre ({@code x}, {@code y}). */
        private Rectangle2D labelBox(ItemLabelPosition c, double x, double y, double w, double h) {
            double gap = MARKER / 2 + 2 * getItemLabelAnchorOffset();
            boolean right = c == LOWER_RIGHT || c == UPPER_RIGHT;
            boolean below = c == LOWER_RIGHT || c == LOWER_LEFT;
            double left = right ? x + gap / 2 : x - gap / 2 - w;
            double top = below ? y + gap / 2 : y - gap / 2 - h;
            return new Rectangle2D.Double(left, top, w, h);
        }

        @Override
        public org.jfree.chart.renderer.xy.XYItemRendererState initialise(java.awt.Graphics2D g2, Rectangle2D area,
                XYPlot plot, org.jfree.data.xy.XYDataset dataset, org.jfree.chart.plot.PlotRenderingInfo info) {
            this.g2 = g2;
            this.dataArea = area;
            labelBoxes.clear();
            return super.initialise(g2, area, plot, dataset, info);
        }

        /** The label boxes of the last drawing ("series:item" to Java2D bounds), for tests. */
        Map<String, Rectangle2D> labelBoxes() {
            return labelBoxes;
        }

        /** The plot's data area of the last drawing. */
        Rectangle2D dataArea() {
            return dataArea;
        }
    }

    // ---------------------------------------------------------------- per-layer and by-kind charts

    private static final Map<LayerKind, Paint> KIND_PAINT = new EnumMap<>(Map.of(
            LayerKind.CONV, ChartStyle.VERMILLION, LayerKind.DEPTHWISE, ChartStyle.SKY_BLUE,
            LayerKind.POINTWISE, ChartStyle.BLUE, LayerKind.AVG_POOL, ChartStyle.ORANGE,
            LayerKind.FC, ChartStyle.BLUISH_GREEN, LayerKind.SOFTMAX, ChartStyle.REDDISH_PURPLE,
            LayerKind.SE_CONV, ChartStyle.YELLOW, LayerKind.ADD, ChartStyle.BLACK,
            LayerKind.MULTIPLY, ChartStyle.GRID));

    /** Short category label of a layer: {@code 3 dw}, {@code 3 pw}, {@code 0 conv}, {@code 28 fc}. */
    static String shortName(LayerStats l) {
        String k = switch (l.kind()) {
            case CONV -> "conv";
            case DEPTHWISE -> "dw";
            case POINTWISE -> "pw";
            case SE_CONV -> "se";
            case AVG_POOL -> "pool";
            case FC -> "fc";
            case SOFTMAX -> "softmax";
            case ADD -> "add";
            case MULTIPLY -> "mul";
        };
        return l.index() + " " + k;
    }

    /**
     * Per-layer MACs, params and (when {@code measured} has a profile) measured time as bars sharing the layer
     * axis, coloured by layer kind.
     *
     * @param stats    the computed statistics of the configuration
     * @param measured the measured latency with its per-layer profile, or null
     */
    public static JFreeChart layers(NetworkStats stats, MeasuredLatency measured) {
        List<LayerStats> layers = stats.layers();
        DefaultCategoryDataset macs = new DefaultCategoryDataset();
        DefaultCategoryDataset params = new DefaultCategoryDataset();
        DefaultCategoryDataset time = new DefaultCategoryDataset();
        Map<String, Double> ms = new HashMap<>();
        if (measured != null) {
            for (LayerProfile lp : measured.layers()) {
                ms.put(lp.name(), lp.medianMs());
            }
        }
        for (LayerStats l : layers) {
            String cat = shortName(l);
            macs.addValue(l.macs() / 1e6, "MACs", cat);
            params.addValue(l.params() / 1e3, "Params", cat);
            if (!ms.isEmpty()) {
                time.addValue(ms.get(l.name()), "Time", cat);
            }
        }
        CategoryAxis domain = new CategoryAxis("Layer (index and kind)");
        domain.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        domain.setTickLabelFont(ChartStyle.CATEGORY_LABEL);
        domain.setLabelFont(ChartStyle.AXIS_LABEL);
        domain.setCategoryMargin(0.15);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(domain);
        plot.setGap(12);
        plot.add(barPlot(macs, "MACs (million)", layers), 1);
        plot.add(barPlot(params, "Params (thousand)", layers), 1);
        if (!ms.isEmpty()) {
            plot.add(barPlot(time, "Time (ms, median)", layers), 1);
        }
        LegendItemCollection legend = new LegendItemCollection();
        for (LayerKind k : LayerKind.values()) {
            if (stats.byKind().containsKey(k)) {
                legend.add(new LegendItem(k.paperName(), KIND_PAINT.get(k)));
            }
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart("Per-layer cost of MobileNet " + stats.config().label(), ChartStyle.TITLE,
                plot, true);
        List<String> prov = new ArrayList<>();
        prov.add("MACs and params computed by MobileNet Explorer: " + String.format(Locale.ROOT,
                "%.1fM MACs, %.3fM params in total (1 MAC = one multiply-add; batch norm not counted)",
                stats.totals().macs() / 1e6, stats.totals().params() / 1e6));
        prov.add(timeProvenance(measured));
        finish(chart, prov);
        return chart;
    }

    private static String timeProvenance(MeasuredLatency measured) {
        if (measured == null) {
            return "Time: no benchmark result for this configuration (run bench with --profile-layers)";
        }
        if (measured.layers().isEmpty()) {
            return "Time: the result " + measured.resultFile() + " has no per-layer profile";
        }
        return "Time: " + measured.backendName() + " per-layer median, latency on " + measured.cpu() + " ("
                + measured.resultFile() + ")";
    }

    private static CategoryPlot barPlot(DefaultCategoryDataset data, String axisLabel, List<LayerStats> layers) {
        NumberAxis range = new NumberAxis(axisLabel);
        style(range);
        range.setLabelFont(ChartStyle.AXIS_LABEL.deriveFont(16f));
        BarRenderer r = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return KIND_PAINT.get(layers.get(column).kind());
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0);
        CategoryPlot p = new CategoryPlot(data, null, range, r);
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        p.setOutlineVisible(false);
        return p;
    }

    /**
     * Shares of MACs, params and (when measured) time by layer kind, in percent: the paper's Table 2 with
     * measurement beside it.
     */
    public static JFreeChart shares(NetworkStats stats, MeasuredLatency measured) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        Map<LayerKind, Double> time = new EnumMap<>(LayerKind.class);
        double totalMs = 0;
        if (measured != null) {
            for (LayerProfile lp : measured.layers()) {
                time.merge(lp.kind(), lp.medianMs(), Double::sum);
                totalMs += lp.medianMs();
            }
        }
        String timeKey = "Time (" + (measured == null ? "" : measured.backendName()) + ", measured)";
        for (LayerKind k : LayerKind.values()) {
            KindShare s = stats.share(k);
            if (s.layers() == 0) {
                continue;
            }
            d.addValue(s.macShare() * 100, "Mult-adds", k.paperName());
            d.addValue(s.paramShare() * 100, "Parameters", k.paperName());
            if (totalMs > 0) {
                d.addValue(time.getOrDefault(k, 0.0) / totalMs * 100, timeKey, k.paperName());
            }
        }
        CategoryAxis domain = new CategoryAxis("Layer kind");
        domain.setTickLabelFont(ChartStyle.TICK_LABEL);
        domain.setLabelFont(ChartStyle.AXIS_LABEL);
        NumberAxis range = new NumberAxis("Share of the network (%)");
        range.setRange(0, 105);
        range.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        style(range);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setSeriesPaint(0, ChartStyle.BLUE);
        r.setSeriesPaint(1, ChartStyle.ORANGE);
        r.setSeriesPaint(2, ChartStyle.BLUISH_GREEN);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}%",
                new DecimalFormat("0.0", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL);
        CategoryPlot plot = new CategoryPlot(d, domain, range, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart("Where MobileNet " + stats.config().label() + " spends its cost, by layer kind",
                ChartStyle.TITLE, plot, true);
        finish(chart, List.of("Mult-adds and parameters computed (cf. paper Table 2; " + shortConvention() + ")",
                timeProvenance(measured)));
        return chart;
    }

    private static String shortConvention() {
        return CostModel.CONVENTION.substring(0, CostModel.CONVENTION.indexOf(';'));
    }
}
