package org.mobilenetexplorer.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.MobileNetConfig;

/** Builds realistic results for store and format tests (not measured). */
final class TestResults {
    private TestResults() {
    }

    static BenchmarkResult sample(String id, MobileNetConfig config, double... samples) {
        List<Double> s = new ArrayList<>();
        for (double v : samples) {
            s.add(v);
        }
        LatencyStatistics st = LatencyStatistics.of(samples);
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EnvironmentProbe.CPU_MODEL, "Test CPU");
        env.put(EnvironmentProbe.TIMESTAMP, Instant.parse("2026-11-28T03:30:00Z").toString());
        List<LayerProfile> layers = List.of(
                new LayerProfile("Conv2d_0", LayerKind.CONV, 0.5, 10_838_016, 0.5, 0.02, 21.7),
                new LayerProfile("Conv2d_1_depthwise", LayerKind.DEPTHWISE, 0.5, 3_612_672, 0.5, 0.006, 7.2));
        LayerProfileSummary summary = new LayerProfileSummary(10, 1.0, st.median(),
                (1.0 - st.median()) / st.median() * 100, false, List.of(
                new KindProfile(LayerKind.CONV, 1, 0.5, 10_838_016, 0.5, 0.02, 21.7)));
        return BenchmarkResult.builder().id(id).config(config).backend("fake").environment(env)
                .protocol(ProtocolSettings.DEFAULT).phases(new PhaseTimes(120.5, 3.2, 5, 1.1, samples.length, 20.0, 0))
                .samplesMs(s).throughputPerSec(1000 / st.mean()).macsPerImage(568_740_352L)
                .gmacPerSec(568_740_352L / st.median() / 1e6).fmaPeak(PeakEstimate.UNKNOWN)
                .peakShare(Double.NaN).gc(new GcActivity(0, 0)).memory(new MemoryEstimate(1, 2, 2.0, 3, 9, 10))
                .layers(layers).layerSummary(summary)
                .unstable(List.of(new UnstableFlag(Instability.HIGH_CV, st.cv(), 0.10))).build();
    }
}
