package org.mobilenetexplorer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mobilenetexplorer.onnx.proto.Onnx.ModelProto;
import org.mobilenetexplorer.onnx.proto.Onnx.NodeProto;
import org.mobilenetexplorer.onnx.proto.Onnx.TensorProto;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.bench.SpecLayerNames;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.reference.ActivationCalibration;
import org.mobilenetexplorer.reference.NetworkWeights;

/** The INT8 graph's structure: Q/DQ placement, no redundant pairs, folded activations, int32 bias scales. */
class QdqExporterTest {

    private static final MobileNetConfig SMALL = new MobileNetConfig(0.25, 64);

    private static ModelProto export(MobileNetConfig c, boolean quantizeFirstConv) {
        NetworkWeights w = NetworkWeights.generate(ArchitectureSpec.of(c), 42);
        return QdqExporter.toModel(w, ActivationCalibration.calibrate(w, 2, 1000), OnnxExporter.Options.DEFAULT,
                quantizeFirstConv);
    }

    private static Map<String, TensorProto> initializers(ModelProto m) {
        return m.getGraph().getInitializerList().stream().collect(Collectors.toMap(TensorProto::getName, t -> t));
    }

    private static float[] floats(TensorProto t) {
        var b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] f = new float[b.remaining()];
        b.get(f);
        return f;
    }

    @Test
    void operatorsAndQdqPlacement() {
        ModelProto m = export(SMALL, false);
        Map<String, Long> ops = m.getGraph().getNodeList().stream()
                .collect(Collectors.groupingBy(NodeProto::getOpType, Collectors.counting()));
        // 27 convolutions, each followed by one Q; one Q after the pool. DQ: one per Q, plus weights and biases of the
        // 26 quantized convolutions and the FC. No Relu / Clip: the activations are folded into the Q ranges.
        assertEquals(Map.of("Conv", 27L, "QuantizeLinear", 28L, "DequantizeLinear", 28L + 2 * 27,
                "GlobalAveragePool", 1L, "Flatten", 1L, "Gemm", 1L, "Softmax", 1L), ops);
        assertEquals(OnnxExporter.OPSET, m.getOpsetImport(0).getVersion());
        assertTrue(m.getMetadataPropsList().stream().anyMatch(p -> p.getKey().equals("precision")
                && p.getValue().equals("int8")));
    }

    @Test
    void everyQuantizedTensorHasOneConsumerAndNoDqFeedsAQ() {
        for (boolean first : new boolean[] {false, true}) {
            ModelProto m = export(SMALL, first);
            Map<String, NodeProto> producer = new HashMap<>();
            Map<String, List<NodeProto>> consumers = new HashMap<>();
            for (NodeProto n : m.getGraph().getNodeList()) {
                n.getOutputList().forEach(o -> producer.put(o, n));
                n.getInputList().forEach(i -> consumers.computeIfAbsent(i, k -> new java.util.ArrayList<>()).add(n));
            }
            ArchitectureSpec spec = ArchitectureSpec.of(SMALL);
            for (NodeProto n : m.getGraph().getNodeList()) {
                assertTrue(SpecLayerNames.layerOf(spec, n.getName()).isPresent()
                        || n.getName().startsWith(OnnxExporter.INPUT + "/"), n.getName());
                switch (n.getOpType()) {
                    case "QuantizeLinear" -> {
                        List<NodeProto> c = consumers.get(n.getOutput(0));
                        assertEquals(1, c.size(), n.getName());
                        String next = c.get(0).getOpType();
                        assertTrue(next.equals("DequantizeLinear") || next.equals("Flatten"), n.getName() + " -> " + next);
                        NodeProto from = producer.get(n.getInput(0));
                        // no DQ -> Q round trip: a Q reads a float operator's output or the model input
                        assertTrue(from == null || !from.getOpType().equals("DequantizeLinear"), n.getName());
                    }
                    case "Conv", "Gemm" -> {
                        boolean quantized = first || !n.getName().equals("Conv2d_0");
                        for (int i = 0; i < n.getInputCount(); i++) {
                            NodeProto p = producer.get(n.getInput(i));
                            assertEquals(quantized, p != null && p.getOpType().equals("DequantizeLinear"),
                                    n.getName() + " input " + i);
                        }
                        // the output is quantized once (Gemm: float logits into the softmax)
                        List<NodeProto> c = consumers.get(n.getOutput(0));
                        assertEquals(1, c.size());
                        assertEquals(n.getOpType().equals("Conv") ? "QuantizeLinear" : "Softmax", c.get(0).getOpType());
                    }
                    default -> {
                    }
                }
            }
            Map<String, Long> ops = m.getGraph().getNodeList().stream()
                    .collect(Collectors.groupingBy(NodeProto::getOpType, Collectors.counting()));
            assertEquals(first ? 29L : 28L, ops.get("QuantizeLinear")); // the input's Q when the first conv is INT8
        }
    }

    @Test
    void weightsAreInt8PerChannelAndBiasScalesAreInputTimesWeightScales() {
        ModelProto m = export(SMALL, false);
        Map<String, TensorProto> init = initializers(m);
        ArchitectureSpec spec = ArchitectureSpec.of(SMALL);
        var layer = spec.layer("Conv2d_1_pointwise");
        TensorProto w = init.get("Conv2d_1_pointwise/weights_quantized");
        assertEquals(TensorProto.DataType.INT8.getNumber(), w.getDataType());
        assertEquals(List.of((long) layer.output().c(), (long) layer.input().c(), 1L, 1L), w.getDimsList());
        float[] ws = floats(init.get("Conv2d_1_pointwise/weights_scale"));
        assertEquals(layer.output().c(), ws.length);
        float inScale = floats(init.get("Conv2d_1_depthwise/out_scale"))[0];
        float[] bs = floats(init.get("Conv2d_1_pointwise/biases_scale"));
        assertArrayEquals(Quantization.biasScales(inScale, ws), bs);
        assertEquals(TensorProto.DataType.INT32.getNumber(), init.get("Conv2d_1_pointwise/biases_quantized").getDataType());
        // every activation is uint8 with zero point 0 (the ReLU6 is the quantizer's lower saturation), max <= 6
        for (var l : spec.layers()) {
            TensorProto zp = init.get(l.name() + "/out_zero_point");
            if (zp != null) {
                assertEquals(TensorProto.DataType.UINT8.getNumber(), zp.getDataType());
                assertEquals(0, zp.getRawData().byteAt(0), l.name());
                assertTrue(floats(init.get(l.name() + "/out_scale"))[0] * 255 <= 6.0001, l.name());
            }
        }
    }

    @Test
    void reluNetworksAreFoldedToo() {
        ModelProto m = export(new MobileNetConfig(0.25, 64, 1000, org.mobilenetexplorer.model.ChannelRounding.SLIM,
                5, false, Activation.RELU), false);
        assertTrue(m.getGraph().getNodeList().stream().noneMatch(n -> n.getOpType().equals("Relu")
                || n.getOpType().equals("Clip")));
    }
}
