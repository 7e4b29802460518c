package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;

/** One real tiny benchmark per backend, each in its own forked worker JVM (the production path). */
class RealBackendBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"onnxruntime", "dl4j"})
    void tinyBenchmarkInAWorker(String backend) {
        MobileNetConfig tiny = new MobileNetConfig(0.25, 64);
        BenchmarkRequest request = new BenchmarkRequest(tiny, backend, ProtocolSettings.DEFAULT
                .withWarmup(2, 0).withMeasurement(5, 0, 20_000).withProfileRepeats(3).withThreads(1));
        BenchmarkOutcome o = new ForkedRunner().run(request, BenchmarkListener.NONE, new CancellationToken());
        BenchmarkResult r = assertInstanceOf(BenchmarkOutcome.Completed.class, o, o::toString).result();
        assertEquals(backend, r.backend());
        assertEquals(5, r.samplesMs().size());
        assertTrue(r.latencyMs().median() > 0);
        assertTrue(r.phases().startupMs() > 0);
        assertEquals(NetworkStats.of(tiny).totals().macs(), r.macsPerImage());
        assertNotEquals("unknown", r.environment().get(EnvironmentProbe.BACKEND_VERSION), r.environment()::toString);
        assertEquals("1", r.environment().get(EnvironmentProbe.THREADS));
        List<String> names = NetworkStats.of(tiny).layers().stream().map(l -> l.name()).toList();
        assertTrue(!r.layers().isEmpty(), "profiled");
        assertTrue(r.layers().stream().allMatch(l -> names.contains(l.name())));
        assertTrue(r.layers().stream().anyMatch(l -> l.kind() == LayerKind.DEPTHWISE && l.medianMs() > 0));
        assertTrue(r.layerSummary().layerSumMs() > 0);
    }
}
