package org.mobilenetexplorer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mobilenetexplorer.bench.SpecLayerNames;
import org.mobilenetexplorer.model.ActivationFunction;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.onnx.proto.Onnx.ModelProto;
import org.mobilenetexplorer.onnx.proto.Onnx.NodeProto;
import org.mobilenetexplorer.onnx.proto.Onnx.TensorProto;
import org.mobilenetexplorer.reference.ActivationCalibration;
import org.mobilenetexplorer.reference.NetworkWeights;

/**
 * The INT8 graph of V2 and V3 (both variants, minimalistic or not), from the same spec walk as V1: residual adds and
 * squeeze-and-excite multiplies between DequantizeLinear and QuantizeLinear, hard-sigmoid folded into its convolution,
 * h-swish as a quantized Add and Mul, linear bottlenecks with a signed range.
 */
class QdqExporterFamiliesTest {

    static List<MobileNetConfig> configs() {
        return List.of(MobileNetConfig.of(Family.V2, 0.35, 64), MobileNetConfig.of(Family.V3_LARGE, 0.35, 64),
                MobileNetConfig.of(Family.V3_SMALL, 0.5, 64),
                MobileNetConfig.of(Family.V3_LARGE, 0.35, 64).withMinimalistic(true),
                MobileNetConfig.of(Family.V3_SMALL, 0.5, 64).withMinimalistic(true));
    }

    private record Graph(ArchitectureSpec spec, ActivationCalibration.Ranges ranges, ModelProto model,
                         Map<String, NodeProto> producer, Map<String, List<NodeProto>> consumers,
                         Map<String, TensorProto> init) {
        /** Built once per configuration and form (a calibration each). */
        private static final Map<List<Object>, Graph> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static Graph of(MobileNetConfig c, QdqExporter.HardSwishForm form) {
            return CACHE.computeIfAbsent(List.of(c, form), k -> build(c, form));
        }

        private static Graph build(MobileNetConfig c, QdqExporter.HardSwishForm form) {
            ArchitectureSpec spec = ArchitectureSpec.of(c);
            NetworkWeights w = NetworkWeights.generate(spec, 42);
            ActivationCalibration.Ranges r = ActivationCalibration.calibrate(w, 2, 1000);
            ModelProto m = QdqExporter.toModel(w, r, OnnxExporter.Options.DEFAULT, false, form);
            Map<String, NodeProto> producer = new HashMap<>();
            Map<String, List<NodeProto>> consumers = new HashMap<>();
            for (NodeProto n : m.getGraph().getNodeList()) {
                n.getOutputList().forEach(o -> producer.put(o, n));
                n.getInputList().forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
            }
            return new Graph(spec, r, m, producer, consumers, m.getGraph().getInitializerList().stream()
                    .collect(Collectors.toMap(TensorProto::getName, t -> t)));
        }

        NodeProto node(String name) {
            return model.getGraph().getNodeList().stream().filter(n -> n.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no node " + name));
        }

        float scalar(String name) {
            return floats(init.get(name))[0];
        }

        int zeroPoint(String prefix) {
            return init.get(prefix + "/out_zero_point").getRawData().byteAt(0) & 0xff;
        }
    }

    private static float[] floats(TensorProto t) {
        var b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] f = new float[b.remaining()];
        b.get(f);
        return f;
    }

    @ParameterizedTest
    @MethodSource("configs")
    void everyOperatorReadsDequantizedInputsAndIsQuantizedOnce(MobileNetConfig c) {
        Graph g = Graph.of(c, QdqExporter.HardSwishForm.QUANTIZED);
        for (NodeProto n : g.model().getGraph().getNodeList()) {
            assertTrue(SpecLayerNames.layerOf(g.spec(), n.getName()).isPresent(), n.getName());
            switch (n.getOpType()) {
                case "Conv", "Add", "Mul", "GlobalAveragePool" -> {
                    boolean floatFirstConv = n.getName().equals(g.spec().layers().get(0).name());
                    for (int i = 0; i < n.getInputCount(); i++) {
                        NodeProto p = g.producer().get(n.getInput(i));
                        assertEquals(!floatFirstConv, p != null && p.getOpType().equals("DequantizeLinear"),
                                n.getName() + " input " + i);
                    }
                    List<NodeProto> out = g.consumers().get(n.getOutput(0));
                    assertEquals(1, out.size(), n.getName());
                    // the FP32 first convolution of V3 keeps its h-swish as one float node before the quantizer
                    String next = out.get(0).getOpType();
                    assertTrue(next.equals("QuantizeLinear") || floatFirstConv && next.equals("HardSwish"),
                            n.getName() + " -> " + next);
                }
                case "DequantizeLinear" -> {
                    // every consumer reads its own DequantizeLinear: a residual source has one per reader
                    assertEquals(1, g.consumers().get(n.getOutput(0)).size(), n.getName());
                    NodeProto from = g.producer().get(n.getInput(0));
                    assertTrue(from == null || Set.of("QuantizeLinear", "Flatten").contains(from.getOpType()),
                            n.getName());
                }
                case "QuantizeLinear" -> {
                    NodeProto from = g.producer().get(n.getInput(0));
                    assertTrue(from == null || !from.getOpType().equals("DequantizeLinear"), n.getName());
                }
                case "Flatten", "Gemm", "Softmax" -> {
                }
                case "HardSwish" -> assertEquals(g.spec().layers().get(0).name() + "/hard_swish", n.getName());
                default -> throw new AssertionError("unexpected " + n.getOpType() + " " + n.getName());
            }
        }
        // residual adds and SE multiplies: as many Add / Mul nodes as spec layers, plus one of each per h-swish
        long adds = g.spec().layers().stream().filter(l -> l.kind() == LayerKind.ADD).count();
        long muls = g.spec().layers().stream().filter(l -> l.kind() == LayerKind.MULTIPLY).count();
        long hardSwish = g.spec().layers().stream().skip(1)
                .filter(l -> l.activation() == ActivationFunction.HARD_SWISH).count();
        Map<String, Long> ops = g.model().getGraph().getNodeList().stream()
                .collect(Collectors.groupingBy(NodeProto::getOpType, Collectors.counting()));
        assertEquals(adds + hardSwish, ops.getOrDefault("Add", 0L), ops.toString());
        assertEquals(muls + hardSwish, ops.getOrDefault("Mul", 0L), ops.toString());
        assertTrue(c.minimalistic() || c.family() == Family.V2 ? hardSwish == 0 && muls == 0 : hardSwish > 0 && muls > 0,
                c.label());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void rangesFoldTheActivationsAndKeepLinearBottlenecksSigned(MobileNetConfig c) {
        Graph g = Graph.of(c, QdqExporter.HardSwishForm.QUANTIZED);
        for (LayerSpec l : g.spec().layers()) {
            if (l.kind() == LayerKind.FC || l.kind() == LayerKind.SOFTMAX) {
                continue;
            }
            float scale = g.scalar(l.name() + "/out_scale");
            int zp = g.zeroPoint(l.name());
            ActivationCalibration.Range r = g.ranges().of(l.name());
            switch (l.activation()) {
                case RELU, RELU6 -> assertEquals(0, zp, l.name());
                case HARD_SIGMOID -> {
                    assertEquals(0, zp, l.name());
                    assertTrue(scale * 255 <= 1.0 + 1e-6, l.name());
                }
                case NONE, HARD_SWISH -> {
                    // the calibrated range, unclipped: a projection's negative values are representable
                    assertEquals(Math.min(r.min(), 0), -zp * (double) scale, scale, l.name());
                    assertEquals(Math.max(r.max(), 0), (255 - zp) * (double) scale, 2 * scale, l.name());
                }
            }
            if (l.kind() == LayerKind.POINTWISE && l.activation() == ActivationFunction.NONE && r.min() < 0) {
                assertTrue(zp > 0, l.name() + " projection must keep its negative part");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void hardSigmoidIsFoldedIntoItsConvolution(MobileNetConfig c) {
        Graph g = Graph.of(c, QdqExporter.HardSwishForm.QUANTIZED);
        NetworkWeights w = NetworkWeights.generate(g.spec(), 42);
        for (LayerSpec l : g.spec().layers()) {
            if (l.activation() != ActivationFunction.HARD_SIGMOID) {
                continue;
            }
            // weights / 6 (per-channel scales absorb it: scale = max|w / 6| / 127), bias / 6 + 1/2
            float[] scales = floats(g.init().get(l.name() + "/weights_scale"));
            float[] kernel = w.layer(l).kernel();
            int per = kernel.length / scales.length;
            for (int ch = 0; ch < scales.length; ch++) {
                double max = 0;
                for (int j = 0; j < per; j++) {
                    max = Math.max(max, Math.abs(kernel[ch * per + j]));
                }
                assertEquals(max / 6 / 127, scales[ch], 1e-6 * max, l.name() + " channel " + ch);
            }
            float[] biasScales = floats(g.init().get(l.name() + "/biases_scale"));
            var q = g.init().get(l.name() + "/biases_quantized").getRawData().asReadOnlyByteBuffer()
                    .order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            for (int ch = 0; ch < biasScales.length; ch++) {
                assertEquals(w.layer(l).bias()[ch] / 6.0 + 0.5, q.get(ch) * (double) biasScales[ch],
                        biasScales[ch], l.name() + " bias " + ch);
            }
            assertTrue(g.model().getGraph().getNodeList().stream().noneMatch(n -> n.getOpType().equals("HardSigmoid")));
        }
        assertTrue(g.spec().layers().stream().noneMatch(l -> l.hasBatchNorm() && l.activation()
                == ActivationFunction.HARD_SIGMOID), "hard-sigmoid only after SE convolutions with a bias");
    }

    @ParameterizedTest
    @MethodSource("configs")
    void hardSwishGateReadsTheInputWithASixthOfItsScale(MobileNetConfig c) {
        Graph g = Graph.of(c, QdqExporter.HardSwishForm.QUANTIZED);
        for (LayerSpec l : g.spec().layers().subList(1, g.spec().layers().size())) {
            if (l.activation() != ActivationFunction.HARD_SWISH) {
                continue;
            }
            String p = l.name() + "/hard_swish";
            NodeProto add = g.node(p + "/gate");
            NodeProto sixth = g.producer().get(add.getInput(0));
            assertEquals(g.scalar(p + "/input/out_scale") / 6, g.scalar(sixth.getInput(1)), 1e-9, l.name());
            assertEquals(p + "/input/out_zero_point", sixth.getInput(2));
            // the gate's range is [0, 1] with zero point 0: the clip of hard-sigmoid
            assertEquals(0, g.zeroPoint(p + "/gate"));
            assertEquals(1.0 / 255, g.scalar(p + "/gate/out_scale"), 1e-9);
            // below -3 h-swish is 0: the input's range starts at -3 at the lowest
            ActivationCalibration.Range pre = g.ranges().beforeActivation(l.name());
            assertEquals(Math.max(pre.min(), -3.0), -g.zeroPoint(p + "/input") * (double) g.scalar(p + "/input/out_scale"),
                    g.scalar(p + "/input/out_scale"), l.name());
            NodeProto mul = g.node(p);
            assertEquals("Mul", mul.getOpType());
            assertEquals("QuantizeLinear", g.consumers().get(mul.getOutput(0)).get(0).getOpType());
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void theFloatHardSwishFormKeepsOneFloatNodePerLayer(MobileNetConfig c) {
        Graph g = Graph.of(c, QdqExporter.HardSwishForm.FLOAT);
        long hardSwish = g.spec().layers().stream().filter(l -> l.activation() == ActivationFunction.HARD_SWISH).count();
        assertEquals(hardSwish, g.model().getGraph().getNodeList().stream()
                .filter(n -> n.getOpType().equals("HardSwish")).count());
    }
}
