package org.mobilenetexplorer.tradeoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.accuracy.AccuracyCatalog;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.accuracy.AccuracyMetric;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.EnvironmentProbe;
import org.mobilenetexplorer.bench.GcActivity;
import org.mobilenetexplorer.bench.LatencyStatistics;
import org.mobilenetexplorer.bench.MemoryEstimate;
import org.mobilenetexplorer.bench.PeakEstimate;
import org.mobilenetexplorer.bench.PhaseTimes;
import org.mobilenetexplorer.bench.ProtocolSettings;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;

public class TradeoffAnalysisTest {
    private static final AccuracyEstimator SLIM = new AccuracyEstimator(
            AccuracyCatalog.bundled().source("tf-slim-2018"), AccuracyMetric.TOP1);

    /** A stored result as the benchmark writes it (numbers made up for the join; no timing is asserted). */
    public static BenchmarkResult result(String id, MobileNetConfig c, String backend, int batch, double... samples) {
        List<Double> s = new ArrayList<>();
        for (double v : samples) {
            s.add(v);
        }
        LatencyStatistics st = LatencyStatistics.of(samples);
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EnvironmentProbe.CPU_MODEL, "Test CPU 2.0GHz");
        env.put(EnvironmentProbe.BACKEND_NAME, "Test runtime 1.2");
        ProtocolSettings protocol = ProtocolSettings.builder().batch(batch).build();
        long macs = NetworkStats.of(c).totals().macs();
        return BenchmarkResult.builder().id(id).config(c).backend(backend).environment(env).protocol(protocol)
                .phases(new PhaseTimes(100, 3, 5, 1, samples.length, 20, 0)).samplesMs(s)
                .throughputPerSec(1000 / st.mean()).macsPerImage(macs).gmacPerSec(macs / st.median() / 1e6)
                .fmaPeak(PeakEstimate.UNKNOWN).peakShare(Double.NaN)
                .gc(new GcActivity(0, 0)).memory(new MemoryEstimate(1, 2, 2.0, 3, 9, 10)).build();
    }

    private static List<Candidate> grid() {
        return IsoCost.grid(MobileNetConfig.DEFAULT, List.of(1.0, 0.75, 0.5), List.of(224, 160));
    }

    @Test
    void joinsLatencyFromResultFilesNewestWinsBatchOneOnly(@TempDir Path dir) throws IOException {
        ResultStore store = new ResultStore(dir);
        MobileNetConfig c = new MobileNetConfig(1.0, 224);
        store.save(result("20261128T010000.000Z-fake-1.0-224-b1", c, "fake", 1, 12, 13, 14));
        store.save(result("20261128T020000.000Z-fake-1.0-224-b1", c, "fake", 1, 10, 11, 12)); // newer
        store.save(result("20261128T030000.000Z-fake-1.0-224-b8", c, "fake", 8, 40, 41, 42));  // batch 8
        store.save(result("20261128T030000.000Z-fake-0.5-160-b1", new MobileNetConfig(0.5, 160), "fake", 1, 2, 3, 4));
        Files.writeString(dir.resolve("broken.json"), "{not json");
        LatencyTable t = LatencyTable.load(dir, null);
        assertEquals("fake", t.backend());
        MeasuredLatency l = t.latency(c).orElseThrow();
        assertEquals(11.0, l.medianMs(), 1e-12);
        assertEquals("20261128T020000.000Z-fake-1.0-224-b1.json", l.resultFile());
        assertEquals("Test CPU 2.0GHz", l.cpu());
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("broken.json")), t.notes().toString());
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("batch > 1")), t.notes().toString());
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("older")), t.notes().toString());

        TradeoffAnalysis a = TradeoffAnalysis.of(grid(), SLIM, t, CostAxis.LATENCY);
        assertEquals(2, a.plottable().size());
        assertEquals(List.of("0.5-160", "1.0-224"), a.paretoFront().stream().map(TradeoffPoint::label).toList());
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("4 of 6 configurations have no fake measurement")));
        assertTrue(Double.isNaN(a.points().get(1).cost(CostAxis.LATENCY)));
    }

    @Test
    void severalBackendsNeedAChoice(@TempDir Path dir) throws IOException {
        ResultStore store = new ResultStore(dir);
        store.save(result("20261128T010000.000Z-a-1.0-224-b1", MobileNetConfig.DEFAULT, "a", 1, 5, 6, 7));
        store.save(result("20261128T010000.000Z-b-1.0-224-b1", MobileNetConfig.DEFAULT, "b", 1, 50, 60, 70));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatencyTable.load(dir, null));
        assertTrue(e.getMessage().contains("several backends (a, b): choose one with --backend"), e.getMessage());
        assertEquals(60.0, LatencyTable.load(dir, "b").latency(MobileNetConfig.DEFAULT).orElseThrow().medianMs());
        assertThrows(IllegalArgumentException.class, () -> LatencyTable.load(dir, "c"));
    }

    @Test
    void withoutResultsMacsAndParamsOnlyWithANote(@TempDir Path dir) {
        LatencyTable t = LatencyTable.load(dir.resolve("missing"), null);
        assertTrue(t.isEmpty());
        TradeoffAnalysis a = TradeoffAnalysis.of(grid(), SLIM, t, CostAxis.MACS);
        assertEquals(6, a.plottable().size());
        assertNull(a.points().get(0).latency());
        assertTrue(a.notes().get(0).contains("latency not available, MACs and params only"), a.notes().get(0));
        assertTrue(a.onAxis(CostAxis.LATENCY).plottable().isEmpty());
    }

    @Test
    void paretoOnTheSlimGridAndOtherAxes() {
        List<Candidate> all = IsoCost.grid(MobileNetConfig.DEFAULT.withClasses(1001), List.of(1.0, 0.75, 0.5, 0.25),
                List.of(224, 192, 160, 128));
        TradeoffAnalysis a = TradeoffAnalysis.of(all, SLIM, LatencyTable.empty(null, "none"), CostAxis.MACS);
        List<String> off = a.points().stream().filter(p -> !p.pareto()).map(TradeoffPoint::label).toList();
        assertEquals(List.of("1.0-128", "0.5-192"), off);
        // params do not depend on resolution: per alpha only the most accurate resolution (224) survives
        assertEquals(List.of("0.25-224", "0.5-224", "0.75-224", "1.0-224"),
                a.onAxis(CostAxis.PARAMS).paretoFront().stream().map(TradeoffPoint::label).toList());
    }

    @Test
    void isoCostAnswersWhatAlphaAt192CostsWhat075At224Costs() {
        MobileNetConfig ref = new MobileNetConfig(0.75, 224);
        List<Candidate> cands = new ArrayList<>(List.of(new Candidate(ref)));
        cands.addAll(IsoCost.grid(MobileNetConfig.DEFAULT, List.of(0.8, 0.85, 0.9, 0.95, 1.0), List.of(192, 160)));
        TradeoffAnalysis a = TradeoffAnalysis.of(cands, SLIM, LatencyTable.empty(null, "none"), CostAxis.MACS);
        IsoCost.Result r = IsoCost.query(a, ref, CostAxis.MACS, 0.10);
        List<String> labels = r.matches().stream().map(m -> m.point().label()).toList();
        assertTrue(labels.contains("0.85-192") && labels.contains("0.9-192"), labels.toString());
        assertFalse(labels.contains("1.0-192"), labels.toString()); // +28%
        for (IsoCost.Match m : r.matches()) {
            assertTrue(Math.abs(m.relativeCost()) <= 0.10);
        }
        for (int i = 1; i < r.matches().size(); i++) { // ranked by accuracy
            assertTrue(r.matches().get(i - 1).point().accuracyValue() >= r.matches().get(i).point().accuracyValue());
        }
        // MACs ~ alpha^2 rho^2: alpha ~ 0.75 * 224 / 192 = 0.875; the exact cost model answers 0.87x
        MobileNetConfig same = IsoCost.alphaForMacs(MobileNetConfig.DEFAULT, 192, a.points().get(0).macs());
        assertEquals(0.875, same.alpha(), 0.01);
        long m = NetworkStats.of(same).totals().macs();
        assertEquals(1.0, m / (double) a.points().get(0).macs(), 0.01);
        assertNull(IsoCost.alphaForMacs(MobileNetConfig.DEFAULT, 32, 10_000_000_000L));
    }
}
