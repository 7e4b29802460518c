package org.mobilenetexplorer.bench.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.bench.BackendException;
import org.mobilenetexplorer.bench.BackendOptions;
import org.mobilenetexplorer.bench.Backends;
import org.mobilenetexplorer.bench.LayerTiming;
import org.mobilenetexplorer.bench.ProtocolSettings;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Shape;
import org.mobilenetexplorer.reference.InputGenerator;

/** DL4J's network against the cost model. ND4J starts once per test JVM (Dl4jBackend.startNd4j is idempotent). */
class Dl4jBackendTest {

    private static final Dl4jBackend DL4J = new Dl4jBackend();

    private static Dl4jPreparedNetwork prepare(ArchitectureSpec spec, String graph, String format) throws BackendException {
        return (Dl4jPreparedNetwork) DL4J.prepare(spec, 42, 1,
                new BackendOptions(0, Map.of("graph", graph, "format", format)));
    }

    @Test
    void parameterCountsAndLayerShapesEqualTheCostModel() throws BackendException {
        for (MobileNetConfig c : List.of(new MobileNetConfig(0.25, 97), new MobileNetConfig(0.1, 64).withBlocks14(0),
                new MobileNetConfig(0.25, 64).withStandardConv(true).withClasses(1001))) {
            ArchitectureSpec spec = ArchitectureSpec.of(c);
            NetworkStats stats = NetworkStats.of(spec);
            long convChannels = spec.layers().stream().filter(LayerSpec::hasBatchNorm).mapToLong(l -> l.output().c()).sum();
            float[] input = InputGenerator.generate(spec, 1, 1);
            for (String format : List.of("nhwc", "nchw")) {
                try (Dl4jPreparedNetwork folded = prepare(spec, "folded", format);
                        Dl4jPreparedNetwork unfolded = prepare(spec, "unfolded", format)) {
                    // folded: each conv gains a bias per output channel; unfolded: 4 batch-norm values per channel
                    assertEquals(stats.totals().params() + convChannels, folded.numParams(), c.label());
                    assertEquals(stats.totals().params() + stats.totals().bnParams(), unfolded.numParams(), c.label());
                    for (Dl4jPreparedNetwork n : List.of(folded, unfolded)) {
                        Map<String, Shape> shapes = n.layerOutputShapes(input);
                        assertEquals(spec.layers().size(), shapes.size());
                        for (LayerSpec l : spec.layers()) {
                            assertEquals(l.output(), shapes.get(l.name()), c.label() + " " + format + " " + l.name());
                        }
                    }
                }
            }
        }
    }

    @Test
    void profileCoversEverySpecLayer() throws BackendException {
        ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(0.25, 64));
        try (Dl4jPreparedNetwork n = prepare(spec, "unfolded", "nhwc")) {
            List<LayerTiming> t = n.profileLayers(InputGenerator.generate(spec, 1, 1), 3);
            assertEquals(spec.layers().stream().map(LayerSpec::name).toList(), t.stream().map(LayerTiming::layer).toList());
            for (LayerTiming lt : t) {
                assertEquals(3, lt.samplesNs().size());
                assertTrue(lt.samplesNs().stream().allMatch(ns -> ns > 0), lt.layer());
            }
            long conv = t.stream().filter(x -> spec.layer(x.layer()).kind() != LayerKind.SOFTMAX)
                    .mapToLong(x -> x.samplesNs().get(0)).sum();
            assertTrue(conv > 0);
        }
    }

    @Test
    void badOptionsAreNamed() {
        ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(0.25, 64));
        BackendException e = assertThrows(BackendException.class,
                () -> DL4J.prepare(spec, 1, 1, new BackendOptions(0, Map.of("graph", "fused"))));
        assertEquals("graph = fused: must be folded or unfolded", e.getMessage());
        e = assertThrows(BackendException.class,
                () -> DL4J.prepare(spec, 1, 1, new BackendOptions(0, Map.of("optimization", "all"))));
        assertTrue(e.getMessage().startsWith("option optimization = all: unknown for dl4j"), e.getMessage());
        assertTrue(Backends.ids().containsAll(List.of("onnxruntime", "dl4j")), Backends.ids().toString());
    }

    @Test
    void autoThreadsUseOneThreadOnlyForTheSmallestNetworks() {
        // decision 003: one thread below 250 M MACs (0.25-128: 13.6 M, 0.75-192: 239 M), all cores from 1.0-160 (291 M)
        assertEquals(1, Dl4jBackend.autoThreads(ArchitectureSpec.of(new MobileNetConfig(0.25, 128)), 2));
        assertEquals(1, Dl4jBackend.autoThreads(ArchitectureSpec.of(new MobileNetConfig(0.75, 192)), 2));
        assertEquals(2, Dl4jBackend.autoThreads(ArchitectureSpec.of(new MobileNetConfig(1.0, 160)), 2));
        assertEquals(2, Dl4jBackend.autoThreads(ArchitectureSpec.of(new MobileNetConfig(0.75, 224)), 2));
        assertEquals(4, Dl4jBackend.autoThreads(ArchitectureSpec.of(MobileNetConfig.DEFAULT), 4));
    }

    @Test
    void autoThreadsFollowEachFamilysOwnThreshold() {
        for (Family family : Family.values()) {
            long threshold = Dl4jBackend.autoOneThreadBelowMacs(family);
            int below = 0;
            int above = 0;
            for (double alpha : new double[] {0.35, 0.5, 0.75, 1.0, 1.4, 2.0}) {
                for (int res : new int[] {96, 160, 224, 320}) {
                    ArchitectureSpec spec = ArchitectureSpec.of(MobileNetConfig.of(family, alpha, res));
                    long macs = NetworkStats.of(spec).totals().macs();
                    int threads = Dl4jBackend.autoThreads(spec, 4);
                    assertEquals(macs < threshold ? 1 : 4, threads, spec.config().label() + ": " + macs + " MACs");
                    below += threads == 1 ? 1 : 0;
                    above += threads == 4 ? 1 : 0;
                }
            }
            // the threshold splits the family's usual range: both outcomes occur
            assertTrue(below > 0 && above > 0, family + ": " + below + " below, " + above + " above " + threshold);
        }
        // with the V1-measured 250 M for every family until a quiet run says otherwise: V3-Large 1.0-224 (217 M) on one
        assertEquals(1, Dl4jBackend.autoThreads(ArchitectureSpec.of(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224)), 2));
        assertEquals(2, Dl4jBackend.autoThreads(ArchitectureSpec.of(MobileNetConfig.of(Family.V2, 1.0, 224)), 2));
    }

    @Test
    void processSettingsForAWorker() {
        Dl4jProcessSettings s = Dl4jProcessSettings.tuned(2);
        assertEquals("ACTIVE", s.environment().get("OMP_WAIT_POLICY"));
        assertEquals("100000", s.environment().get("GOMP_SPINCOUNT"));
        assertEquals("2", s.environment().get("OMP_NUM_THREADS"));
        assertTrue(s.jvmArguments().contains("-D" + Dl4jProcessSettings.HELPERS_DISABLE + "=false"), s.jvmArguments().toString());
        // the worker's wait policy follows the graph: bounded spin for folded, PASSIVE for unfolded (decision 003)
        Dl4jWorkerSettings worker = new Dl4jWorkerSettings();
        Map<String, String> folded = worker.environment(ProtocolSettings.DEFAULT.withThreads(2));
        assertEquals("100000", folded.get("GOMP_SPINCOUNT"));
        Map<String, String> unfolded = worker.environment(ProtocolSettings.DEFAULT.withThreads(2)
                .withBackendOptions(Map.of("graph", "unfolded")));
        assertEquals("PASSIVE", unfolded.get("OMP_WAIT_POLICY"));
        assertFalse(unfolded.containsKey("GOMP_SPINCOUNT"), unfolded.toString());
        ProcessBuilder pb = s.applyTo(new ProcessBuilder("true"));
        assertEquals("100000", pb.environment().get("GOMP_SPINCOUNT"));
        assertTrue(Dl4jProcessSettings.asShipped().jvmArguments().isEmpty());
    }
}
