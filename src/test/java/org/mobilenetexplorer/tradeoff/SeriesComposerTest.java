package org.mobilenetexplorer.tradeoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.accuracy.AccuracyCatalog;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.accuracy.AccuracyMetric;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.Device;
import org.mobilenetexplorer.bench.EnvironmentProbe;
import org.mobilenetexplorer.bench.Precisions;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.published.PublishedData;

/** Series composition: device x precision x measured/predicted/published, never mixed. */
public class SeriesComposerTest {
    static final MobileNetConfig C224 = new MobileNetConfig(1.0, 224).withClasses(1001);
    static final MobileNetConfig C160 = new MobileNetConfig(0.5, 160).withClasses(1001);
    static final MobileNetConfig C128 = new MobileNetConfig(0.25, 128).withClasses(1001);
    public static final Function<Precision, AccuracyEstimator> ACCURACY = p -> new AccuracyEstimator(
            AccuracyCatalog.bundled().source(p == Precision.INT8 ? "tf-slim-quant-2018-08" : "tf-slim-2018"),
            AccuracyMetric.TOP1);

    /** A result on {@code cpu} ({@code Linux aarch64} or x86) at {@code precision}. */
    public static BenchmarkResult on(String cpu, String os, Precision precision, String id, MobileNetConfig c,
                                     double ms) {
        BenchmarkResult r = TradeoffAnalysisTest.result(id, c, "onnxruntime", 1, ms * 0.95, ms, ms * 1.05);
        Map<String, String> env = new LinkedHashMap<>(r.environment());
        env.put(EnvironmentProbe.CPU_MODEL, cpu);
        env.put(EnvironmentProbe.OS, os);
        return r.toBuilder().environment(env).protocol(r.protocol().toBuilder()
                .backendOptions(Precisions.with(r.protocol().backendOptions(), precision)).build()).build();
    }

    /** Two devices; the first has FP32 and INT8 of 1.0-224, FP32 of 0.5-160; the second FP32 of 1.0-224. */
    public static List<BenchmarkResult> twoDevices() {
        return List.of(
                on("AMD EPYC 9R45", "Linux 6.8 amd64", Precision.FP32, "20261130T010000.000Z-a", C224, 3.5),
                on("AMD EPYC 9R45", "Linux 6.8 amd64", Precision.FP32, "20261130T010100.000Z-b", C160, 0.6),
                on("AMD EPYC 9R45", "Linux 6.8 amd64", Precision.INT8, "20261130T010200.000Z-c", C224, 2.1),
                on("Cortex-A76", "Linux 6.6 aarch64", Precision.FP32, "20261130T010300.000Z-d", C224, 40));
    }

    /** Predicts 10 ms per million MACs... enough to tell a prediction from a measurement. */
    public static SeriesComposer.Predictor fakePredictor(String device) {
        return new SeriesComposer.Predictor() {
            @Override
            public String device() {
                return device;
            }

            @Override
            public Optional<MeasuredLatency> predict(MobileNetConfig config, Precision precision) {
                if (precision != Precision.FP32) {
                    return Optional.empty();
                }
                return Optional.of(new MeasuredLatency(config.alpha() * 4, "onnxruntime", "onnxruntime FP32 predicted",
                        "AMD EPYC 9R45", "device-profiles/onnxruntime-fp32.json", true, List.of(),
                        LatencyKind.PREDICTED, device));
            }
        };
    }

    private static List<Candidate> grid() {
        return List.of(new Candidate(C224), new Candidate(C160), new Candidate(C128));
    }

    @Test
    void oneSeriesPerDeviceAndPrecisionNeverMixed() {
        List<String> notes = new ArrayList<>();
        List<LatencySeries> s = SeriesComposer.compose(grid(), twoDevices(), Path.of("r"), null,
                new SeriesComposer.Request(List.of(), List.of(Precision.FP32, Precision.INT8), false, List.of()),
                ACCURACY, null, PublishedData.bundled(), notes);
        assertEquals(List.of("AMD EPYC 9R45, Linux amd64 \u00b7 FP32 measured", "AMD EPYC 9R45, Linux amd64 \u00b7 INT8 measured",
                "Cortex-A76, Linux aarch64 \u00b7 FP32 measured"), s.stream().map(LatencySeries::name).toList());
        assertTrue(notes.stream().anyMatch(n -> n.contains("no int8 results of Cortex-A76")), notes.toString());
        for (LatencySeries x : s) {
            for (TradeoffPoint p : x.analysis().plottable()) {
                assertEquals(x.kind(), p.latency().kind());
                assertEquals(x.device(), p.latency().device(), "a series holds one device");
            }
            assertEquals(x.precision(), x.analysis().latency().precision());
        }
        assertEquals(2, s.get(0).analysis().plottable().size());
        assertEquals("tf-slim-quant-2018-08", s.get(1).analysis().source().id(), "INT8 takes the quantized source");
        assertEquals(3.5, s.get(0).analysis().points().get(0).latency().medianMs(), 1e-9);
        assertEquals(40, s.get(2).analysis().points().get(0).latency().medianMs(), 1e-9);
        // labels unique across series
        Set<String> labels = new HashSet<>();
        for (LatencySeries x : s) {
            x.analysis().plottable().forEach(p -> assertTrue(labels.add(x.pointLabel(p)), x.pointLabel(p)));
        }
        assertTrue(labels.contains("1.0-224 int8"), labels.toString());
        assertTrue(labels.contains("1.0-224 Cortex-A76"), labels.toString());

        // one device chosen
        List<LatencySeries> one = SeriesComposer.compose(grid(), twoDevices(), Path.of("r"), null,
                new SeriesComposer.Request(List.of(new Device("Cortex-A76", "Linux aarch64")), List.of(Precision.FP32),
                        false, List.of()), ACCURACY, null, PublishedData.bundled(), new ArrayList<>());
        assertEquals(1, one.size());
        assertEquals("", one.get(0).tag());
    }

    @Test
    void predictionsFillOnlyUnmeasuredConfigurationsInTheirOwnSeries() {
        List<String> notes = new ArrayList<>();
        List<LatencySeries> s = SeriesComposer.compose(grid(), twoDevices(), Path.of("r"), null,
                new SeriesComposer.Request(List.of(new Device("AMD EPYC 9R45", "Linux amd64")),
                        List.of(Precision.FP32, Precision.INT8), true, List.of()),
                ACCURACY, fakePredictor("AMD EPYC 9R45, Linux amd64"), PublishedData.bundled(), notes);
        LatencySeries pred = s.stream().filter(x -> x.kind() == LatencyKind.PREDICTED).findFirst().orElseThrow();
        assertEquals("AMD EPYC 9R45, Linux amd64 \u00b7 FP32 predicted", pred.name());
        assertEquals(List.of("0.25-128"), pred.analysis().points().stream().map(TradeoffPoint::label).toList(),
                "measured configurations are never predicted over");
        assertEquals("0.25-128 pred.", pred.pointLabel(pred.analysis().points().get(0)));
        assertEquals(1, s.stream().filter(x -> x.kind() == LatencyKind.PREDICTED).count(),
                "no INT8 prediction: the predictor has no INT8 profile");
        assertTrue(notes.stream().anyMatch(n -> n.contains("not predicted at int8")), notes.toString());
        List<String> none = new ArrayList<>();
        SeriesComposer.compose(grid(), twoDevices(), Path.of("r"), null, new SeriesComposer.Request(List.of(),
                List.of(Precision.FP32), true, List.of()), ACCURACY, null, PublishedData.bundled(), none);
        assertTrue(none.stream().anyMatch(n -> n.contains("run calibrate first")), none.toString());
    }

    @Test
    void publishedPixelsAreReferenceDevicesOfTheirOwn() {
        assertTrue(SeriesComposer.publishedDevices(PublishedData.bundled()).containsAll(List.of("Pixel 1", "Pixel 2",
                "Pixel 3")), SeriesComposer.publishedDevices(PublishedData.bundled()).toString());
        List<Candidate> cross = new ArrayList<>(grid());
        cross.add(new Candidate(MobileNetConfig.of(Family.V2, 1.0, 224).withClasses(1001)));
        cross.add(new Candidate(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224).withClasses(1001)));
        List<LatencySeries> s = SeriesComposer.compose(cross, List.of(), Path.of("r"), null,
                new SeriesComposer.Request(List.of(), List.of(Precision.FP32), false, List.of("Pixel 1", "published, Pixel 2")),
                ACCURACY, null, PublishedData.bundled(), new ArrayList<>());
        assertEquals(List.of("published, Pixel 1", "published, Pixel 2"), s.stream().map(LatencySeries::name).toList());
        LatencySeries p1 = s.get(0);
        assertEquals(LatencyKind.PUBLISHED, p1.kind());
        TradeoffPoint v2 = p1.analysis().points().stream().filter(p -> p.config().family() == Family.V2
                && p.config().alpha() == 1.0 && p.config().resolution() == 224).findFirst().orElseThrow();
        assertEquals(73.8, v2.latency().medianMs(), 1e-9, "TF-Slim's V2 1.0-224 on Pixel 1");
        assertEquals(LatencyKind.PUBLISHED, v2.latency().kind());
        // V1 on Pixel 2 from the TFLite hosted models table (the TFLite column, not TensorFlow Mobile's)
        TradeoffPoint v1 = s.get(1).analysis().points().stream().filter(p -> p.config().family() == Family.V1
                && p.config().alpha() == 1.0 && p.config().resolution() == 224).findFirst().orElseThrow();
        assertEquals(160.1, v1.latency().medianMs(), 1e-9);
        assertNull(SeriesComposer.published("Pixel 9", Set.of(Family.V1), PublishedData.bundled(),
                ACCURACY.apply(Precision.FP32)));
        assertNotNull(SeriesComposer.published("pixel-3", Set.of(Family.V1), PublishedData.bundled(),
                ACCURACY.apply(Precision.FP32)));
        assertFalse(p1.analysis().points().isEmpty());
    }
}
