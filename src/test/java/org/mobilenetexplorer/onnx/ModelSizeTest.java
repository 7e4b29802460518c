package org.mobilenetexplorer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.WeightMemory;
import org.mobilenetexplorer.onnx.proto.Onnx.ModelProto;
import org.mobilenetexplorer.reference.ActivationCalibration;
import org.mobilenetexplorer.reference.NetworkWeights;

/** analyze's "weights by precision" against the model files the exporters write, for every family. */
class ModelSizeTest {
    /** The weight tensors of both exports: kernels and biases, quantized ones with their scales and zero points. */
    private static final Pattern WEIGHTS = Pattern.compile(".*/(weights|biases)(_quantized|_scale|_zero_point)?");

    private static long weightBytes(ModelProto m) {
        return m.getGraph().getInitializerList().stream().filter(t -> WEIGHTS.matcher(t.getName()).matches())
                .mapToLong(t -> t.getRawData().size()).sum();
    }

    @Test
    void weightMemoryIsExactlyTheWeightTensorsOfBothModelFiles() {
        for (MobileNetConfig c : List.of(new MobileNetConfig(0.5, 128), MobileNetConfig.of(Family.V2, 0.35, 96),
                MobileNetConfig.of(Family.V3_LARGE, 0.75, 128), MobileNetConfig.of(Family.V3_SMALL, 0.5, 128),
                MobileNetConfig.of(Family.V3_SMALL, 1.0, 96).withMinimalistic(true))) {
            ArchitectureSpec spec = ArchitectureSpec.of(c);
            NetworkWeights w = NetworkWeights.generate(spec, 42);
            WeightMemory m = WeightMemory.of(NetworkStats.of(spec));
            ModelProto fp32 = OnnxExporter.toModel(w, OnnxExporter.Options.DEFAULT);
            ModelProto int8 = QdqExporter.toModel(w, ActivationCalibration.calibrate(w, 1, 1000),
                    OnnxExporter.Options.DEFAULT, false);
            assertEquals(m.fp32Bytes(), weightBytes(fp32), c.label());
            assertEquals(m.int8Bytes(), weightBytes(int8), c.label());
            // the rest of a file is the graph: node and tensor names, activation scales, framing; more nodes per
            // layer in INT8 (a DequantizeLinear per input), most of all in narrow V3 (3 % at V1 0.5-128, 9 % at
            // V3-Small 0.5-128)
            assertTrue(fp32.getSerializedSize() < m.fp32Bytes() * 1.01, c.label() + " " + fp32.getSerializedSize());
            assertTrue(int8.getSerializedSize() < m.int8Bytes() * 1.10, c.label() + " " + int8.getSerializedSize());
        }
    }
}
