package org.mobilenetexplorer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.bench.SpecLayerNames;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.onnx.OnnxExporter.BatchNormMode;
import org.mobilenetexplorer.onnx.proto.Onnx.AttributeProto;
import org.mobilenetexplorer.onnx.proto.Onnx.ModelProto;
import org.mobilenetexplorer.onnx.proto.Onnx.NodeProto;
import org.mobilenetexplorer.reference.NetworkWeights;

class OnnxExporterTest {

    private static ModelProto export(MobileNetConfig c, BatchNormMode mode, int batch) {
        return OnnxExporter.toModel(NetworkWeights.generate(ArchitectureSpec.of(c), 42), new OnnxExporter.Options(mode, batch));
    }

    private static long attrInt(NodeProto n, String name) {
        return n.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow().getI();
    }

    private static List<Long> attrInts(NodeProto n, String name) {
        AttributeProto a = n.getAttributeList().stream().filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        return a.getIntsList();
    }

    @Test
    void headerInputsAndOutputs() {
        ModelProto m = export(new MobileNetConfig(0.25, 96), BatchNormMode.FOLDED, 0);
        assertEquals(OnnxExporter.IR_VERSION, m.getIrVersion());
        assertEquals(OnnxExporter.OPSET, m.getOpsetImport(0).getVersion());
        assertEquals("mobilenet-explorer", m.getProducerName());
        assertTrue(!m.getProducerVersion().isEmpty());
        var in = m.getGraph().getInput(0);
        assertEquals("input", in.getName());
        var dims = in.getType().getTensorType().getShape().getDimList();
        assertEquals("batch", dims.get(0).getDimParam());
        assertEquals(List.of(3L, 96L, 96L), dims.subList(1, 4).stream().map(d -> d.getDimValue()).toList());
        var out = m.getGraph().getOutput(0);
        assertEquals("softmax", out.getName());
        assertEquals(1000, out.getType().getTensorType().getShape().getDim(1).getDimValue());
        ModelProto fixed = export(new MobileNetConfig(0.25, 96), BatchNormMode.FOLDED, 4);
        assertEquals(4, fixed.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimValue());
    }

    @Test
    void foldedGraphOperatorsAndDepthwiseGroups() {
        MobileNetConfig c = new MobileNetConfig(0.5, 96);
        ArchitectureSpec spec = ArchitectureSpec.of(c);
        ModelProto m = export(c, BatchNormMode.FOLDED, 0);
        Map<String, Long> ops = m.getGraph().getNodeList().stream()
                .collect(Collectors.groupingBy(NodeProto::getOpType, Collectors.counting()));
        assertEquals(Map.of("Conv", 27L, "Clip", 27L, "GlobalAveragePool", 1L, "Flatten", 1L, "Gemm", 1L, "Softmax", 1L),
                ops);
        for (NodeProto n : m.getGraph().getNodeList()) {
            // every node maps back to a spec layer by name
            assertTrue(SpecLayerNames.layerOf(spec, n.getName()).isPresent(), n.getName());
            if (n.getOpType().equals("Conv")) {
                var l = spec.layer(n.getName());
                assertEquals(l.groups(), attrInt(n, "group"), n.getName());
                assertEquals(3, n.getInputCount(), "folded conv has a bias");
            }
        }
        // stride 2 on an even input: TF 'SAME' pads 0 before and 1 after
        NodeProto first = m.getGraph().getNode(0);
        assertEquals("Conv2d_0", first.getName());
        assertEquals(List.of(0L, 0L, 1L, 1L), attrInts(first, "pads"));
        // initializers hold exactly the parameters: cost-model params + one bias per conv channel
        long values = m.getGraph().getInitializerList().stream()
                .filter(t -> !t.getName().startsWith("clip_")).mapToLong(t -> t.getRawData().size() / 4).sum();
        NetworkStats stats = NetworkStats.of(c);
        assertEquals(stats.totals().params() + stats.totals().bnParams() / 4, values);
    }

    @Test
    void explicitGraphHasBatchNormAndReluWithBatchNormParameters() {
        MobileNetConfig c = new MobileNetConfig(0.25, 64).withActivation(Activation.RELU).withBlocks14(0);
        ModelProto m = export(c, BatchNormMode.EXPLICIT, 1);
        Map<String, Long> ops = m.getGraph().getNodeList().stream()
                .collect(Collectors.groupingBy(NodeProto::getOpType, Collectors.counting()));
        assertEquals(17L, ops.get("Conv"));
        assertEquals(17L, ops.get("BatchNormalization"));
        assertEquals(17L, ops.get("Relu"));
        long values = m.getGraph().getInitializerList().stream().mapToLong(t -> t.getRawData().size() / 4).sum();
        NetworkStats stats = NetworkStats.of(c);
        assertEquals(stats.totals().params() + stats.totals().bnParams(), values);
        // topological order: each node's inputs are produced earlier (or are the input / initializers)
        java.util.Set<String> known = new java.util.HashSet<>();
        known.add("input");
        m.getGraph().getInitializerList().forEach(t -> known.add(t.getName()));
        for (NodeProto n : m.getGraph().getNodeList()) {
            for (String i : n.getInputList()) {
                assertTrue(known.contains(i), n.getName() + " reads " + i + " before it is produced");
            }
            known.addAll(n.getOutputList());
        }
    }
}
