package org.mobilenetexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import org.mobilenetexplorer.accuracy.AccuracyCatalog;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.chart.ChartExport;
import org.mobilenetexplorer.chart.ChartOptions;
import org.mobilenetexplorer.chart.ChartStyle;
import org.mobilenetexplorer.chart.ExportFormat;
import org.mobilenetexplorer.chart.PhoneReference;
import org.mobilenetexplorer.chart.TradeoffCharts;
import org.mobilenetexplorer.io.UserFiles;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.tradeoff.Candidate;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.tradeoff.LatencyTable;
import org.mobilenetexplorer.tradeoff.MeasuredLatency;
import org.mobilenetexplorer.tradeoff.TradeoffAnalysis;
import org.mobilenetexplorer.tradeoff.TradeoffPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code chart}: draws a trade-off, per-layer or by-kind chart and writes it as PNG, SVG, PDF, CSV or JSON. */
@Command(name = "chart", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw a chart and write it to --out (format from the extension: png, svg, pdf; csv and json"
                + " write the plotted data with provenance).",
            "Types: tradeoff (accuracy vs --x; macs = paper Figure 4, params = Figure 5), layers (per-layer MACs,"
                + " params, measured time), shares (by layer kind)."})
public final class ChartCommand implements Callable<Integer> {

    /** Chart types. */
    enum ChartType { TRADEOFF, LAYERS, SHARES }

    @Spec
    CommandSpec spec;

    @Mixin
    TradeoffOptions options;

    @Mixin
    ConfigOptions config;

    @Option(names = "--type", paramLabel = "tradeoff|layers|shares", defaultValue = "tradeoff",
            description = "Chart type. Default: ${DEFAULT-VALUE}.")
    String type;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Output file: .png, .svg, .pdf, .csv or .json.")
    Path out;

    @Option(names = "--width", paramLabel = "PT", defaultValue = "" + ChartStyle.DEFAULT_WIDTH,
            description = "Width in points (PNG pixels at scale 1). Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--height", paramLabel = "PT", defaultValue = "" + ChartStyle.DEFAULT_HEIGHT,
            description = "Height in points. Default: ${DEFAULT-VALUE}.")
    int height;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
            description = "PNG pixel scale for HiDPI (2 = twice the pixels, same layout). Default: ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--title", paramLabel = "TEXT", description = "Chart title (default: a descriptive one).")
    String title;

    @Option(names = "--comparison-models",
            description = "Add the paper's comparison models (GoogleNet, VGG 16, SqueezeNet, AlexNet) to a macs or"
                    + " params chart, labelled.")
    boolean comparisonModels;

    @Option(names = "--phone-reference", paramLabel = "DEVICE",
            description = "Add published phone latencies whose device/runtime contains DEVICE (e.g. 'Pixel 3, TFLite"
                    + " CPU') to a latency chart, labelled as published.")
    String phoneReference;

    @Option(names = "--no-labels", negatable = false, description = "Do not label the markers.")
    boolean noLabels;

    @Override
    public Integer call() {
        ChartType t;
        try {
            t = ChartType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--type " + type
                    + ": unknown chart type (known: tradeoff, layers, shares)");
        }
        ExportFormat fmt;
        try {
            fmt = ExportFormat.of(out);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        checkOptions(t, fmt);
        ExportOnnxCommand.checkOut("--out", out);
        PrintWriter pw = spec.commandLine().getOut();
        LatencyTable latency = options.latency(t == ChartType.TRADEOFF && options.axis() == CostAxis.LATENCY);
        JFreeChart chart = switch (t) {
            case TRADEOFF -> tradeoff(latency, pw);
            case LAYERS, SHARES -> perLayer(t, latency, pw);
        };
        try {
            ChartExport.write(chart, out, width, height, scale);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("--out " + out + ": " + UserFiles.reason(e), e);
        }
        String size = fmt == ExportFormat.PNG ? String.format(Locale.ROOT, "%dx%d px", Math.round(width * scale),
                Math.round(height * scale)) : fmt.isImage() ? width + "x" + height + " pt" : "plotted data";
        pw.println("wrote " + out + " (" + fmt.name().toLowerCase(Locale.ROOT) + ", " + size + ")");
        pw.flush();
        return 0;
    }

    /**
     * Every option checked before any work: the size limits of {@link ChartExport#checkSize} (a PNG must fit in this
     * JVM's memory), the title's length, and options that would be ignored (a title or labels of a layers chart, a
     * scale of a vector or data file) refused by name.
     */
    private void checkOptions(ChartType t, ExportFormat fmt) {
        var parsed = spec.commandLine().getParseResult();
        if (t != ChartType.TRADEOFF) {
            for (String option : List.of("--title", "--comparison-models", "--phone-reference", "--no-labels")) {
                if (parsed.hasMatchedOption(option)) {
                    Object v = parsed.matchedOptionValue(option, null);
                    throw new ParameterException(spec.commandLine(), option + (v == null || v instanceof Boolean ? ""
                            : " " + OptionValueException.shown(String.valueOf(v))) + ": applies to --type tradeoff only, not "
                            + t.name().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (fmt != ExportFormat.PNG && parsed.hasMatchedOption("--scale") && scale != 1) {
            throw new ParameterException(spec.commandLine(), "--scale " + scale + ": applies to .png output only (a "
                    + fmt.name().toLowerCase(Locale.ROOT) + " file has no pixels)");
        }
        if (title != null && title.length() > ChartOptions.MAX_TITLE) {
            throw new ParameterException(spec.commandLine(), "--title " + OptionValueException.shown(title) + ": "
                    + title.length() + " characters, at most " + ChartOptions.MAX_TITLE);
        }
        try {
            ChartExport.checkSize(fmt, width, height, scale, ChartExport.availableHeapBytes());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private JFreeChart tradeoff(LatencyTable latency, PrintWriter pw) {
        CostAxis axis = options.axis();
        if (options.seriesRequested()) {
            java.util.List<String> notes = new java.util.ArrayList<>();
            var series = options.series(options.candidates(true), notes);
            if (series.isEmpty()) {
                throw new UserInputException("nothing to plot: no latency series (" + String.join("; ", notes) + ")");
            }
            notes.forEach(n -> pw.println("note: " + n));
            series.forEach(s -> pw.println("series: " + s.name() + " (" + s.analysis().plottable().size()
                    + " points)"));
            ChartOptions so;
            try {
                so = new ChartOptions(title, !noLabels, true, List.of(), null);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
            }
            return TradeoffCharts.accuracyVsLatency(series, so);
        }
        TradeoffOptions.requireLatency(axis, latency);
        AccuracyEstimator est = options.estimator();
        TradeoffAnalysis a = TradeoffAnalysis.of(options.candidates(true), est, latency, axis);
        if (a.plottable().isEmpty()) {
            throw new UserInputException("nothing to plot: no configuration of " + options.preset + " has both "
                    + axis.id() + " and " + a.metric().id() + " from " + a.source().id() + " ("
                    + String.join("; ", a.notes()) + ")");
        }
        ChartOptions o;
        try {
            o = ChartOptions.defaults().withTitle(title);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
        o = new ChartOptions(o.title(), !noLabels, true, List.of(), null);
        if (comparisonModels) {
            if (axis == CostAxis.LATENCY) {
                throw new ParameterException(spec.commandLine(),
                        "--comparison-models: only for --x macs or params (the paper gives no latency for them)");
            }
            o = o.withComparisonModels(AccuracyCatalog.bundled().comparisonModels());
        }
        if (phoneReference != null) {
            if (axis != CostAxis.LATENCY) {
                throw new ParameterException(spec.commandLine(), "--phone-reference: only for --x latency");
            }
            try {
                boolean quant = est.source().id().contains("quant");
                o = o.withPhoneReference(PhoneReference.select(PublishedData.bundled(), phoneReference, quant, est));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--phone-reference " + phoneReference + ": "
                        + e.getMessage());
            }
        }
        pw.println("Pareto front (max " + a.metric().id() + ", min " + axis.id() + "): " + String.join(", ",
                a.paretoFront().stream().map(TradeoffPoint::label).toList()));
        pw.println("Estimator on " + a.source().id() + ": " + a.estimatorModels());
        for (String n : a.notes()) {
            pw.println("note: " + n);
        }
        return TradeoffCharts.accuracyVsCost(a, o);
    }

    private JFreeChart perLayer(ChartType t, LatencyTable latency, PrintWriter pw) {
        MobileNetConfig c;
        if (config.anyGiven() || options.preset == null) {
            c = config.toConfig();
        } else {
            List<Candidate> cands = options.candidates(true);
            c = cands.get(0).config();
            if (cands.size() > 1) {
                pw.println("note: " + t.name().toLowerCase(Locale.ROOT) + " chart of " + c.label()
                        + ", the first configuration of " + options.preset + " (choose with --alpha/--resolution)");
            }
        }
        MeasuredLatency m = latency.latency(c).orElse(null);
        if (latency.isEmpty()) {
            latency.notes().forEach(n -> pw.println("note: " + n));
        }
        if (m == null) {
            pw.println("note: no " + (latency.isEmpty() ? "" : latency.backend() + " ") + "measurement of "
                    + c.label() + ": MACs and params only");
        }
        NetworkStats stats = NetworkStats.of(c);
        return t == ChartType.LAYERS ? TradeoffCharts.layers(stats, m) : TradeoffCharts.shares(stats, m);
    }
}
