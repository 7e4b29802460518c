package org.mobilenetexplorer.bench.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.onnx.OnnxExporter;
import org.mobilenetexplorer.onnx.QdqExporter;
import org.mobilenetexplorer.reference.ActivationCalibration;
import org.mobilenetexplorer.reference.InputGenerator;
import org.mobilenetexplorer.reference.NetworkWeights;
import org.mobilenetexplorer.reference.QuantizedComparison;

/** The INT8 model in ONNX Runtime: fused into quantized kernels, close to the FP32 reference, profiled per layer. */
class OnnxRuntimeInt8Test {
    private static final OnnxRuntimeBackend ORT = new OnnxRuntimeBackend();
    private static final Map<String, String> INT8 = Map.of("precision", "int8");

    private static OnnxRuntimeBackend.Settings settings(String optimization) throws BackendException {
        return new OnnxRuntimeBackend.Settings(1, OnnxRuntimeBackend.Optimization.fromId(optimization), "folded",
                Precision.INT8, false);
    }

    @Test
    void ortFusesEveryQuantizedConvolution() throws Exception {
        ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(0.25, 64));
        NetworkWeights w = NetworkWeights.generate(spec, 42);
        byte[] model = QdqExporter.export(w, ActivationCalibration.calibrate(w, 2, 1000),
                new OnnxExporter.Options(OnnxExporter.BatchNormMode.FOLDED, 1));
        Map<String, Integer> ops = OrtOptimizedGraph.opCounts(model, settings("all"));
        // activations stay uint8 from Conv2d_0's output to the classifier: no DequantizeLinear is left
        assertEquals(26, ops.get("QLinearConv"), ops.toString());
        assertEquals(1, ops.get("Conv"), ops.toString()); // the FP32 first convolution
        assertEquals(1, ops.get("QuantizeLinear"), ops.toString()); // its output
        assertEquals(1, ops.get("QGemm"), ops.toString());
        assertEquals(1, ops.get("QLinearGlobalAveragePool"), ops.toString());
        assertEquals(null, ops.get("DequantizeLinear"), ops.toString());
        // without optimisation ORT runs the QDQ graph as written
        Map<String, Integer> none = OrtOptimizedGraph.opCounts(model, settings("none"));
        assertEquals(28, none.get("QuantizeLinear"), none.toString());
        assertEquals(null, none.get("QLinearConv"), none.toString());
    }

    @Test
    void int8MatchesTheFp32ReferenceWithinTolerance() throws BackendException {
        for (MobileNetConfig c : List.of(new MobileNetConfig(0.25, 64), new MobileNetConfig(0.5, 96))) {
            BackendVerifier v = new BackendVerifier(ArchitectureSpec.of(c), 42, 7, 4);
            for (String graph : List.of("folded", "unfolded")) {
                BackendVerifier.QuantizedVerdict r = v.checkQuantized(ORT,
                        new BackendOptions(1, Map.of("graph", graph)), Precision.INT8);
                assertTrue(r.passes(QuantizedComparison.DEFAULT_MIN_COSINE), c.label() + " " + graph + " " + r);
                assertEquals("int8", r.settings().get("precision"));
                assertTrue(r.settings().get("ortKernels").contains("QLinearConv 26"), r.settings().toString());
                // not bit-exact, and not needlessly loose either
                assertTrue(r.comparison().maxAbsDiff() > 0, r.toString());
            }
        }
    }

    @Test
    void firstConvOptionQuantizesTheFirstConvolutionToo() throws BackendException {
        ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(0.25, 64));
        try (PreparedNetwork n = ORT.prepare(spec, 42, 1, new BackendOptions(1, Map.of("precision", "int8",
                "firstConv", "int8")))) {
            assertTrue(n.settings().get("ortKernels").contains("QLinearConv 27"), n.settings().toString());
        }
        BackendException e = org.junit.jupiter.api.Assertions.assertThrows(BackendException.class, () -> ORT.prepare(
                spec, 42, 1, new BackendOptions(1, Map.of("firstConv", "int8"))));
        assertEquals("firstConv = int8: only with precision int8", e.getMessage());
    }

    @Test
    void profileMapsQuantizedKernelsToSpecLayers() throws BackendException {
        ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(0.25, 64));
        try (PreparedNetwork n = ORT.prepare(spec, 42, 1, new BackendOptions(1, INT8))) {
            List<LayerTiming> t = n.profileLayers(InputGenerator.generate(spec, 1, 1), 3);
            assertEquals(spec.layers().stream().map(LayerSpec::name).toList(),
                    t.stream().map(LayerTiming::layer).toList());
            assertTrue(t.stream().filter(x -> spec.layer(x.layer()).hasBatchNorm())
                    .allMatch(x -> x.samplesNs().stream().allMatch(ns -> ns > 0)), t.toString());
        }
    }
}
