package org.mobilenetexplorer.bench.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mobilenetexplorer.bench.BackendException;
import org.mobilenetexplorer.bench.BackendOptions;
import org.mobilenetexplorer.bench.BackendVerifier;
import org.mobilenetexplorer.bench.LayerTiming;
import org.mobilenetexplorer.bench.PreparedNetwork;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.reference.InputGenerator;

/** ONNX Runtime runs every family's export (folded and unfolded) as the reference computes it. */
class OnnxRuntimeFamiliesTest {
    private static final OnnxRuntimeBackend ORT = new OnnxRuntimeBackend();

    /** Small configurations of every family (fast, yet every kind of block: residuals, SE, h-swish, 5 x 5). */
    static List<MobileNetConfig> configs() {
        return List.of(MobileNetConfig.of(Family.V2, 0.35, 96), MobileNetConfig.of(Family.V3_LARGE, 0.35, 64),
                MobileNetConfig.of(Family.V3_SMALL, 0.5, 96),
                MobileNetConfig.of(Family.V3_LARGE, 0.35, 64).withMinimalistic(true),
                MobileNetConfig.of(Family.V3_SMALL, 0.5, 96).withMinimalistic(true));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void foldedAndUnfoldedMatchTheReference(MobileNetConfig c) throws BackendException {
        BackendVerifier v = new BackendVerifier(ArchitectureSpec.of(c), 42, 7, 1);
        for (String graph : List.of("folded", "unfolded")) {
            for (String level : List.of("all", "none")) {
                BackendVerifier.Verdict r = v.check(ORT, new BackendOptions(1, Map.of("graph", graph, "optimization",
                        level)));
                assertTrue(r.passes(BackendVerifier.DEFAULT_TOLERANCE), c.label() + " " + graph + " " + level + " " + r);
                // the softmax is peaked, so the comparison is meaningful
                assertTrue(r.comparison().referenceTop1() > 0.02, c.label() + " " + r);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void profileMapsEveryNodeToASpecLayer(MobileNetConfig c) throws BackendException {
        ArchitectureSpec spec = ArchitectureSpec.of(c);
        try (PreparedNetwork n = ORT.prepare(spec, 42, 1, new BackendOptions(1, Map.of("optimization", "all")))) {
            List<LayerTiming> t = n.profileLayers(InputGenerator.generate(spec, 1, 1), 2);
            assertEquals(spec.layers().stream().map(LayerSpec::name).toList(), t.stream().map(LayerTiming::layer).toList());
            assertTrue(t.stream().filter(x -> spec.layer(x.layer()).kind().hasWeights())
                    .allMatch(x -> x.samplesNs().stream().allMatch(ns -> ns > 0)), c.label() + " " + t);
        }
    }
}
