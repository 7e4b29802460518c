package org.mobilenetexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mobilenetexplorer.accuracy.AccuracyCatalog;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.accuracy.AccuracyImport;
import org.mobilenetexplorer.accuracy.AccuracyImportException;
import org.mobilenetexplorer.accuracy.AccuracyMetric;
import org.mobilenetexplorer.accuracy.AccuracySource;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.Device;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.tradeoff.LatencySeries;
import org.mobilenetexplorer.tradeoff.ProfilePredictor;
import org.mobilenetexplorer.tradeoff.SeriesComposer;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.tradeoff.Candidate;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.tradeoff.LatencyTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options {@code tradeoff} and {@code chart} share (a picocli {@code @Mixin}). */
public final class TradeoffOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "FILE",
            description = "Preset JSON with the configurations to compare (or a bundled preset by name, e.g."
                    + " slim-grid-16).")
    String preset;

    @Option(names = "--x", paramLabel = "latency|macs|params", defaultValue = "macs",
            description = "Cost axis. Default: ${DEFAULT-VALUE}.")
    String x;

    @Option(names = "--y", paramLabel = "top1|top5", defaultValue = "top1",
            description = "Accuracy metric. Default: ${DEFAULT-VALUE}.")
    String y;

    @Option(names = "--accuracy-source", paramLabel = "ID",
            description = "Accuracy source id (paper, tf-slim-2017, tf-slim-2018, tf-slim-quant-2018-08, tflite, keras,"
                    + " ...; user:NAME for an import). Default: " + FP32_SOURCE + " (fp32), " + INT8_SOURCE
                    + " (int8).")
    String accuracySource;

    @Option(names = "--precision", paramLabel = "fp32|int8|fp32,int8",
            description = "Which precision's latencies to use (one per series, never mixed); int8 also takes its "
                    + "accuracy from a quantized source; fp32,int8 (--x latency) charts both as linked series. "
                    + "Default: fp32.")
    String precision;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "--x latency: chart this device as a series of its own (repeatable): a measured device"
                    + " (part of its name, e.g. 'EPYC' or 'Cortex-A76'; import others with import-results) or a"
                    + " published reference device ('published, Pixel 1', Pixel 2, Pixel 3). Default: every measured"
                    + " device in one series, as before.")
    List<String> devices;

    @Option(names = "--fill-predicted",
            description = "--x latency: fill unmeasured configurations with predictions from this machine's device"
                    + " profile (calibrate first), as a separate series marked predicted.")
    boolean fillPredicted;

    /** Accuracy sources by default: the float checkpoints for FP32, the quantized ones for INT8. */
    static final String FP32_SOURCE = "tf-slim-2018";
    static final String INT8_SOURCE = "tf-slim-quant-2018-08";

    Precision precision() {
        List<Precision> all = precisions();
        if (all.size() > 1 && !seriesRequested()) {
            throw new UserInputException("--precision " + precision + ": several precisions need --x latency (one"
                    + " linked series each)");
        }
        return all.get(0);
    }

    /** Every precision given (fp32,int8), FP32 when none. */
    List<Precision> precisions() {
        if (precision == null) {
            return List.of(Precision.FP32);
        }
        List<Precision> out = new ArrayList<>();
        for (String p : precision.split(",")) {
            Precision parsed = PrecisionOption.parse(p.strip());
            if (!out.contains(parsed)) {
                out.add(parsed);
            }
        }
        return out;
    }

    /** True when --x latency asks for series: devices, both precisions or predictions. */
    boolean seriesRequested() {
        return "latency".equalsIgnoreCase(x == null ? "" : x.strip()) && ((devices != null && !devices.isEmpty())
                || fillPredicted || (precision != null && precision.contains(",")));
    }

    /**
     * The latency series asked for with --device, --precision fp32,int8 and --fill-predicted (empty when none was):
     * each device x precision x measured/predicted/published its own series.
     */
    List<LatencySeries> series(List<Candidate> candidates, List<String> notes) {
        if (!seriesRequested()) {
            return List.of();
        }
        Path dir = results != null ? results : ResultStore.defaultDirectory();
        if (results != null && !Files.isDirectory(dir)) {
            throw new UserInputException("--results " + dir + ": not a directory");
        }
        List<BenchmarkResult> all = Files.isDirectory(dir) ? ResultStore.loadAll(dir).results() : List.of();
        List<Device> known = LatencyTable.devices(all);
        List<Device> measured = new ArrayList<>();
        List<String> published = new ArrayList<>();
        List<String> publishedKnown = SeriesComposer.publishedDevices(PublishedData.bundled());
        for (String d : devices == null ? List.<String>of() : devices) {
            String sel = d.strip();
            if (sel.toLowerCase(java.util.Locale.ROOT).startsWith("published")) {
                String name = sel.substring("published".length()).replaceFirst("^[,:\\s]+", "");
                if (publishedKnown.stream().noneMatch(k -> k.equalsIgnoreCase(
                        org.mobilenetexplorer.published.FamilyLatency.deviceName(name)))) {
                    throw new ParameterException(spec.commandLine(), "--device " + d + ": no published latencies of '"
                            + name + "' (published: " + String.join(", ", publishedKnown) + ")");
                }
                published.add(name);
                continue;
            }
            List<Device> match = known.stream().filter(k -> SeriesComposer.matches(k.label(), sel)).toList();
            if (match.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--device " + d + ": no results of such a device in "
                        + dir + " (measured: " + (known.isEmpty() ? "none" : String.join("; ",
                        known.stream().map(Device::label).toList())) + "; published: 'published, "
                        + String.join("', 'published, ", publishedKnown) + "')");
            }
            match.stream().filter(m -> !measured.contains(m)).forEach(measured::add);
        }
        if (measured.isEmpty()) {
            measured.addAll(known);
        }
        SeriesComposer.Predictor predictor = null;
        if (fillPredicted) {
            predictor = ProfilePredictor.load(dir, backend != null ? backend : all.stream().map(BenchmarkResult::backend)
                    .findFirst().orElse("onnxruntime"), notes).orElse(null);
        }
        AccuracyEstimator fp32 = estimatorFor(Precision.FP32);
        AccuracyEstimator int8 = estimatorFor(Precision.INT8);
        try {
            return SeriesComposer.compose(candidates, all, dir, backend, new SeriesComposer.Request(measured,
                    precisions(), fillPredicted, published), p -> p == Precision.INT8 ? int8 : fp32, predictor,
                    PublishedData.bundled(), notes);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    @Option(names = "--accuracy-file", paramLabel = "FILE",
            description = "Import your own accuracy numbers (CSV or JSON: alpha, resolution, top1[, top5, label, source]);"
                    + " they become source user:<source or file name>.")
    Path accuracyFile;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Benchmark results directory. Default: ~/.mobilenet-explorer/results when it exists.")
    Path results;

    @Option(names = "--backend", paramLabel = "ID",
            description = "Which backend's measurements to use when the results hold several.")
    String backend;

    CostAxis axis() {
        try {
            return CostAxis.fromId(x);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--x " + x + ": " + e.getMessage());
        }
    }

    AccuracyMetric metric() {
        try {
            return AccuracyMetric.fromId(y);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--y " + y + ": " + e.getMessage());
        }
    }

    /** The preset's configurations; {@code required} false returns an empty list when no --preset was given. */
    List<Candidate> candidates(boolean required) {
        if (preset == null) {
            if (required) {
                throw new ParameterException(spec.commandLine(), "--preset FILE is required");
            }
            return List.of();
        }
        Preset p = AnalyzeCommand.loadPreset(preset);
        List<Candidate> out = new ArrayList<>();
        for (PresetEntry e : p.configs()) {
            out.add(new Candidate(e.config()));
        }
        return out;
    }

    /** The accuracy estimator of the chosen source and metric (importing --accuracy-file first). */
    AccuracyEstimator estimator() {
        return estimatorFor(precision());
    }

    /** The estimator of {@code p}'s series: --accuracy-source, else the precision's default source. */
    AccuracyEstimator estimatorFor(Precision p) {
        AccuracyCatalog catalog = AccuracyCatalog.bundled();
        if (accuracyFile != null) {
            try {
                for (AccuracySource s : AccuracyImport.load(accuracyFile)) {
                    catalog = catalog.with(s);
                }
            } catch (AccuracyImportException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        String id = accuracySource != null ? accuracySource : switch (p) {
            case FP32 -> FP32_SOURCE;
            case INT8 -> INT8_SOURCE;
        };
        AccuracySource source;
        try {
            source = catalog.source(id);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--accuracy-source " + id + ": " + e.getMessage());
        }
        boolean quantizedSource = id.contains("quant");
        if (quantizedSource != (p == Precision.INT8) && axis() == CostAxis.LATENCY) {
            // an accuracy of the other precision is labelled wherever the source's name appears (legends, tables)
            source = new AccuracySource(source.id(), source.name() + " (" + (quantizedSource ? "INT8" : "FP32")
                    + " accuracy, " + p.name() + " latency)", source.checkpoint(), source.metric(), source.citation(),
                    source.points());
        }
        return new AccuracyEstimator(source, metric());
    }

    /**
     * The measured latencies (empty with a note when there are none). When latency is only an extra (a MACs or
     * params chart, a layers chart) an ambiguous directory (several backends, no --backend) gives an empty table
     * with the reason as a note instead of an error.
     */
    LatencyTable latency(boolean required) {
        Path dir = results;
        if (dir == null) {
            dir = ResultStore.defaultDirectory();
            if (!Files.isDirectory(dir)) {
                return LatencyTable.empty(null, "no --results directory given and " + dir
                        + " does not exist: latency not available, MACs and params only");
            }
        } else if (!Files.isDirectory(dir)) {
            throw new UserInputException("--results " + dir + ": not a directory");
        }
        try {
            return LatencyTable.load(dir, backend, precision());
        } catch (IllegalArgumentException e) {
            if (!required) {
                return LatencyTable.empty(dir, e.getMessage() + "; latency left out");
            }
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /** Fails with a one-line message when the cost axis is latency and nothing was measured. */
    static void requireLatency(CostAxis axis, LatencyTable latency) {
        if (axis == CostAxis.LATENCY && latency.isEmpty()) {
            throw new UserInputException("--x latency: " + (latency.notes().isEmpty() ? "no measurements"
                    : latency.notes().get(0)) + " (run `bench` first, or use --x macs or --x params)");
        }
    }
}
