package org.mobilenetexplorer.bench.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mobilenetexplorer.bench.BackendException;
import org.mobilenetexplorer.bench.BackendOptions;
import org.mobilenetexplorer.bench.BackendVerifier;
import org.mobilenetexplorer.model.ActivationFunction;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.onnx.OnnxExporter;
import org.mobilenetexplorer.onnx.QdqExporter;
import org.mobilenetexplorer.reference.ActivationCalibration;
import org.mobilenetexplorer.reference.NetworkWeights;
import org.mobilenetexplorer.reference.QuantizedComparison;

/**
 * V2 and V3 in INT8 through ONNX Runtime: what its optimiser leaves (read back from the optimised model) and how close
 * the INT8 output is to the FP32 reference, for small configurations of every family.
 */
class OnnxRuntimeInt8FamiliesTest {
    private static final OnnxRuntimeBackend ORT = new OnnxRuntimeBackend();

    /** Operators of the optimised graph that are not quantized kernels, and why each may stay. */
    private static final Set<String> FLOAT_ALLOWED = Set.of(
            "com.microsoft.nchwc:Conv", "Conv", "com.microsoft.nchwc:ReorderOutput", "ReorderOutput", // FP32 first conv
            "HardSigmoid", "Mul", // its h-swish (V3 not minimalistic), which ORT runs as HardSigmoid x Mul
            "QuantizeLinear", // its output
            "Transpose", // NCHW into the NHWC quantized kernels (and back, see below)
            "Flatten", "Softmax");

    static List<MobileNetConfig> configs() {
        return OnnxRuntimeFamiliesTest.configs();
    }

    private static Map<String, Integer> optimised(MobileNetConfig c, QdqExporter.HardSwishForm form) throws Exception {
        NetworkWeights w = NetworkWeights.generate(ArchitectureSpec.of(c), 42);
        byte[] model = QdqExporter.toModel(w, ActivationCalibration.calibrate(w, 2, 1000),
                new OnnxExporter.Options(OnnxExporter.BatchNormMode.FOLDED, 1), false, form).toByteArray();
        return OrtOptimizedGraph.opCounts(model, new OnnxRuntimeBackend.Settings(1,
                OnnxRuntimeBackend.Optimization.ALL, "folded", Precision.INT8, false));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void ortFusesResidualsSqueezeExciteAndHardSwishIntoQuantizedKernels(MobileNetConfig c) throws Exception {
        ArchitectureSpec spec = ArchitectureSpec.of(c);
        Map<String, Integer> ops = optimised(c, QdqExporter.HardSwishForm.QUANTIZED);
        List<LayerSpec> layers = spec.layers();
        long convs = layers.stream().filter(l -> l.kind().isConvolution()).count();
        long adds = layers.stream().filter(l -> l.kind() == LayerKind.ADD).count();
        long muls = layers.stream().filter(l -> l.kind() == LayerKind.MULTIPLY).count();
        long pools = layers.stream().filter(l -> l.kind() == LayerKind.AVG_POOL).count();
        long hardSwish = layers.stream().skip(1).filter(l -> l.activation() == ActivationFunction.HARD_SWISH).count();
        assertEquals(convs - 1, ops.get("QLinearConv").longValue(), ops.toString());
        assertEquals(adds + hardSwish, ops.getOrDefault("QLinearAdd", 0).longValue(), ops.toString());
        assertEquals(muls + hardSwish, ops.getOrDefault("QLinearMul", 0).longValue(), ops.toString());
        assertEquals(pools, ops.get("QLinearGlobalAveragePool").longValue(), ops.toString());
        assertEquals(1, ops.get("QGemm"), ops.toString());
        // activations stay uint8 from the first convolution's output to the classifier
        assertEquals(null, ops.get("DequantizeLinear"), ops.toString());
        assertEquals(1, ops.get("QuantizeLinear"), ops.toString());
        boolean floatHardSwish = layers.get(0).activation() == ActivationFunction.HARD_SWISH;
        assertEquals(floatHardSwish ? 1 : null, ops.get("HardSigmoid"), ops.toString());
        assertEquals(floatHardSwish ? 1 : null, ops.get("Mul"), ops.toString());
        for (String op : ops.keySet()) {
            assertTrue(op.startsWith("QLinear") || op.equals("QGemm") || FLOAT_ALLOWED.contains(op), op + " in " + ops);
        }
        // into NHWC and out for the classifier; V3-Large's first residual add also reads the FP32 first convolution's
        // NCHW output, so ORT transposes the block's projection back and the sum forward again
        assertEquals(c.family() == Family.V3_LARGE ? 4 : 2, ops.get("Transpose"), ops.toString());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void aFloatHardSwishWouldLeaveDequantizeLinearNodes(MobileNetConfig c) throws Exception {
        Map<String, Integer> ops = optimised(c, QdqExporter.HardSwishForm.FLOAT);
        long hardSwish = ArchitectureSpec.of(c).layers().stream().skip(1)
                .filter(l -> l.activation() == ActivationFunction.HARD_SWISH).count();
        assertEquals(hardSwish == 0 ? null : (int) hardSwish, ops.get("DequantizeLinear"), ops.toString());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void int8MatchesTheFp32ReferenceWithTheV1Tolerance(MobileNetConfig c) throws BackendException {
        BackendVerifier v = new BackendVerifier(ArchitectureSpec.of(c), 42, 7, 4);
        BackendVerifier.QuantizedVerdict r = v.checkQuantized(ORT, new BackendOptions(1, Map.of("graph", "unfolded")),
                Precision.INT8);
        assertTrue(r.passes(QuantizedComparison.DEFAULT_MIN_COSINE), c.label() + " " + r);
        assertEquals(4, r.comparison().top1InTop5(), r.toString());
        assertTrue(r.comparison().maxAbsDiff() > 0, r.toString());
        assertTrue(r.settings().get("ortKernels").contains("QLinearAdd"), r.settings().toString());
    }
}
