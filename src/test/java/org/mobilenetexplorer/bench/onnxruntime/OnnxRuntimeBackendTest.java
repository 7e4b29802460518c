package org.mobilenetexplorer.bench.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.bench.BackendException;
import org.mobilenetexplorer.bench.BackendOptions;
import org.mobilenetexplorer.bench.BackendVerifier;
import org.mobilenetexplorer.bench.LayerTiming;
import org.mobilenetexplorer.bench.PreparedNetwork;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.reference.InputGenerator;

class OnnxRuntimeBackendTest {
    private static final OnnxRuntimeBackend ORT = new OnnxRuntimeBackend();

    @Test
    void everyOptimisationLevelMatchesTheReference() throws BackendException {
        BackendVerifier v = new BackendVerifier(ArchitectureSpec.of(new MobileNetConfig(0.25, 64)), 42, 7, 1);
        for (String level : List.of("all", "extended", "basic", "none")) {
            BackendVerifier.Verdict r = v.check(ORT, new BackendOptions(1, Map.of("optimization", level)));
            assertTrue(r.passes(BackendVerifier.DEFAULT_TOLERANCE), level + " " + r);
            assertEquals(level, r.settings().get("optimization"));
        }
    }

    @Test
    void profileMapsEveryNodeToASpecLayer() throws BackendException {
        ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(0.25, 64));
        for (String level : List.of("all", "none")) {
            try (PreparedNetwork n = ORT.prepare(spec, 42, 1, new BackendOptions(0, Map.of("optimization", level)))) {
                List<LayerTiming> t = n.profileLayers(InputGenerator.generate(spec, 1, 1), 4);
                assertEquals(spec.layers().stream().map(LayerSpec::name).toList(),
                        t.stream().map(LayerTiming::layer).toList());
                for (LayerTiming lt : t) {
                    assertEquals(4, lt.samplesNs().size(), lt.layer());
                }
                // every convolution ran and was timed in every repeat
                assertTrue(t.stream().filter(x -> spec.layer(x.layer()).hasBatchNorm())
                        .allMatch(x -> x.samplesNs().stream().allMatch(ns -> ns > 0)), level + " " + t);
            }
        }
    }

    @Test
    void badOptionIsNamed() {
        ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(0.25, 64));
        BackendException e = assertThrows(BackendException.class,
                () -> ORT.prepare(spec, 1, 1, new BackendOptions(0, Map.of("optimization", "max"))));
        assertEquals("optimization = max: must be all, extended, basic or none", e.getMessage());
    }
}
