package org.mobilenetexplorer.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.mobilenetexplorer.onnx.proto.Onnx.GraphProto;
import org.mobilenetexplorer.onnx.proto.Onnx.ModelProto;
import org.mobilenetexplorer.onnx.proto.Onnx.NodeProto;
import org.mobilenetexplorer.onnx.proto.Onnx.OperatorSetIdProto;
import org.mobilenetexplorer.onnx.proto.Onnx.TensorProto;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.Shape;
import org.mobilenetexplorer.model.ToolVersion;
import org.mobilenetexplorer.onnx.Quantization.ActivationParams;
import org.mobilenetexplorer.onnx.Quantization.PerChannelWeights;
import org.mobilenetexplorer.reference.ActivationCalibration;
import org.mobilenetexplorer.reference.BatchNormFolding;
import org.mobilenetexplorer.reference.LayerWeights;
import org.mobilenetexplorer.reference.NetworkWeights;
import com.google.protobuf.ByteString;

/**
 * Writes the INT8 model in ONNX's QDQ format (QuantizeLinear / DequantizeLinear around float operators, opset
 * {@value OnnxExporter#OPSET}), laid out so that ONNX Runtime fuses every convolution into one quantized kernel and
 * activations stay uint8 from the first convolution to the classifier:
 *
 * <pre>
 * input -> Conv2d_0 (FP32) -Q-DQ-> Conv2d_1_depthwise -Q-DQ-> ... -Q-DQ-> GlobalAveragePool -Q-> Flatten (uint8) -DQ-> Gemm -> Softmax
 *                                    ^ DQ(int8 weights, per channel), DQ(int32 bias)
 * </pre>
 * ONNX Runtime (level all) runs this as one FP32 Conv, a QuantizeLinear, 26 QLinearConv, QLinearGlobalAveragePool,
 * Flatten, QGemm and Softmax, with a Transpose into and out of its NHWC int8 kernels.
 * <ul>
 *   <li>The first convolution stays FP32: its input is the 3-channel image, where an integer kernel has nothing to
 *       gain (27 products per output) and quantizing the input costs a QuantizeLinear over the image and a layout
 *       transpose before it. Measured interleaved on a busy machine (1 thread, AVX-512 VNNI): at 0.25-128 the
 *       all-INT8 graph ran in 0.99-2.2x the FP32 time, this one in 0.99x; at 1.0-224 0.41-0.60x against 0.48x.
 *       It holds 864 of 4.2 M weights at 1.0-224.</li>
 *   <li>Batch norm is always folded before quantizing (the source graph choice, folded or unfolded, gives the same
 *       INT8 model).</li>
 *   <li>Exactly one QuantizeLinear after each convolution's output and one DequantizeLinear before its consumer:
 *       no back-to-back Q/DQ pairs with equal parameters for the runtime to remove.</li>
 *   <li>ReLU / ReLU6 are folded into the quantization range: the output range is [0, calibrated max] (max <= 6 with
 *       ReLU6) with zero point 0, so saturation in QuantizeLinear is the activation and no Relu / Clip node is
 *       written (the node ONNX Runtime's Relu/Clip-Quantize fusion would remove anyway).</li>
 *   <li>Flatten runs on the uint8 tensor (a reshape needs no dequantization); the classifier's Gemm ends in float
 *       logits (QGemm with float output), then a float Softmax.</li>
 *   <li>Weights: symmetric per-channel int8; biases int32 with scale input x weight scale; activations uint8
 *       (the u8 x s8 fast path of x86 VNNI kernels); ranges from {@link ActivationCalibration} (min/max). See
 *       {@link Quantization}.</li>
 * </ul>
 * Node names keep the spec layer name as a prefix ({@code Conv2d_3_depthwise/QuantizeLinear}), so per-layer
 * profiles map back to the spec.
 */
public final class QdqExporter {
    /** The input's quantization range: MobileNet's preprocessing maps pixels to [-1, 1]. */
    public static final double INPUT_MIN = -1.0;
    public static final double INPUT_MAX = 1.0;

    private QdqExporter() {
    }

    /** The INT8 model as ONNX protobuf bytes, calibrated with the default calibration. */
    public static byte[] export(NetworkWeights weights, OnnxExporter.Options options) {
        return toModel(weights, ActivationCalibration.calibrate(weights), options, false).toByteArray();
    }

    /** The INT8 model as bytes, with given calibration ranges. */
    public static byte[] export(NetworkWeights weights, ActivationCalibration.Ranges ranges,
            OnnxExporter.Options options) {
        return toModel(weights, ranges, options, false).toByteArray();
    }

    /** The INT8 model as bytes, with given calibration ranges, optionally with the first convolution quantized. */
    public static byte[] export(NetworkWeights weights, ActivationCalibration.Ranges ranges,
            OnnxExporter.Options options, boolean quantizeFirstConv) {
        return toModel(weights, ranges, options, quantizeFirstConv).toByteArray();
    }

    /**
     * The INT8 model as a protobuf message (for tests and tools that inspect it).
     *
     * @param quantizeFirstConv also quantize the first convolution (and so the input); false in every model the tool
     *                          runs or writes (see the class comment), true only to measure the alternative
     */
    public static ModelProto toModel(NetworkWeights weights, ActivationCalibration.Ranges ranges,
            OnnxExporter.Options options, boolean quantizeFirstConv) {
        ArchitectureSpec spec = weights.spec();
        GraphProto.Builder g = GraphProto.newBuilder()
                .setName("MobileNetV1_" + spec.config().label().replace(' ', '_') + "_int8");
        Shape in = spec.input();
        g.addInput(OnnxExporter.valueInfo(OnnxExporter.INPUT, options.batch(), 3, in.h(), in.w()));
        g.addOutput(OnnxExporter.valueInfo(OnnxExporter.OUTPUT, options.batch(), spec.output().c()));
        double activationMax = switch (spec.config().activation()) {
            case RELU -> Double.POSITIVE_INFINITY;
            case RELU6 -> 6.0;
        };
        ActivationParams inputQ = Quantization.activation(INPUT_MIN, INPUT_MAX);
        String x = OnnxExporter.INPUT;
        ActivationParams xq = null; // the parameters x was quantized with; null while x is a plain float tensor
        for (LayerSpec l : spec.layers()) {
            String name = l.name();
            switch (l.kind()) {
                case CONV, DEPTHWISE, POINTWISE -> {
                    BatchNormFolding.FoldedConv f = BatchNormFolding.fold(weights.layer(l));
                    ActivationCalibration.Range r = ranges.of(name);
                    // the activation's lower end 0 becomes the quantizer's: [0, max] with zero point 0
                    ActivationParams outQ = Quantization.activation(0, Math.min(r.max(), activationMax));
                    if (outQ.zeroPoint() != 0 || outQ.max() > activationMax * (1 + 1e-6)) {
                        throw new IllegalStateException("layer " + name + ": output range [" + outQ.min() + ", "
                                + outQ.max() + "] does not fold the activation");
                    }
                    boolean quantized = quantizeFirstConv || l != spec.layers().get(0);
                    if (quantized) {
                        if (xq == null) {
                            x = dequantize(g, quantize(g, x, x, inputQ), x, x + "/dq");
                            xq = inputQ;
                        }
                        float[] ws = weightsDq(g, name, f.kernel(), OnnxExporter.kernelShape(l), l.output().c());
                        biasDq(g, name, f.bias(), xq.scale(), ws);
                    } else {
                        g.addInitializer(OnnxExporter.floats(name + "/weights", f.kernel(), OnnxExporter.kernelShape(l)));
                        g.addInitializer(OnnxExporter.floats(name + "/biases", f.bias(), l.output().c()));
                    }
                    g.addNode(NodeProto.newBuilder().setName(name).setOpType("Conv")
                            .addInput(x).addInput(name + "/weights").addInput(name + "/biases").addOutput(name + "/conv_out")
                            .addAttribute(OnnxExporter.ints("kernel_shape", l.kernel(), l.kernel()))
                            .addAttribute(OnnxExporter.ints("strides", l.stride(), l.stride()))
                            .addAttribute(OnnxExporter.ints("pads",
                                    OnnxExporter.padBefore(l, l.input().h()), OnnxExporter.padBefore(l, l.input().w()),
                                    OnnxExporter.padAfter(l, l.input().h()), OnnxExporter.padAfter(l, l.input().w())))
                            .addAttribute(OnnxExporter.ints("dilations", 1, 1))
                            .addAttribute(OnnxExporter.intAttr("group", l.groups())));
                    x = dequantize(g, quantize(g, name + "/conv_out", name, outQ), name, name + "/out");
                    xq = outQ;
                }
                case AVG_POOL -> {
                    g.addNode(NodeProto.newBuilder().setName(name).setOpType("GlobalAveragePool")
                            .addInput(x).addOutput(name + "/out"));
                    ActivationCalibration.Range r = ranges.of(name);
                    ActivationParams outQ = Quantization.activation(r.min(), r.max());
                    String q = quantize(g, name + "/out", name, outQ);
                    g.addNode(NodeProto.newBuilder().setName(name + "/Flatten").setOpType("Flatten")
                            .addInput(q).addOutput(name + "/flat_q").addAttribute(OnnxExporter.intAttr("axis", 1)));
                    x = dequantize(g, name + "/flat_q", name, name + "/flat");
                    xq = outQ;
                }
                case FC -> {
                    LayerWeights lw = weights.layer(l);
                    float[] ws = weightsDq(g, name, lw.kernel(), new long[] {l.output().c(), l.input().c()},
                            l.output().c());
                    biasDq(g, name, lw.bias(), xq.scale(), ws);
                    g.addNode(NodeProto.newBuilder().setName(name).setOpType("Gemm")
                            .addInput(x).addInput(name + "/weights").addInput(name + "/biases").addOutput(name + "/out")
                            .addAttribute(OnnxExporter.intAttr("transB", 1)));
                    x = name + "/out";
                }
                case SOFTMAX -> g.addNode(NodeProto.newBuilder().setName(name).setOpType("Softmax")
                        .addInput(x).addOutput(OnnxExporter.OUTPUT).addAttribute(OnnxExporter.intAttr("axis", 1)));
                default -> throw new UnsupportedOperationException("INT8 export: layer " + name + " of kind "
                        + l.kind() + " has no quantized form yet");
            }
        }
        return ModelProto.newBuilder()
                .setIrVersion(OnnxExporter.IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxExporter.OPSET))
                .setProducerName(OnnxExporter.PRODUCER)
                .setProducerVersion(ToolVersion.get())
                .setModelVersion(1)
                .setDocString("MobileNet v1 " + spec.config().label() + " (" + spec.config().activation().id()
                        + ") INT8, QDQ format: per-channel symmetric int8 weights, int32 biases, uint8 activations "
                        + "calibrated (" + ActivationCalibration.METHOD + ") by the reference forward pass over "
                        + ranges.images() + " generated images (seeds " + ranges.seed() + "..."
                        + (ranges.seed() + ranges.images() - 1) + "); batch norm folded; seeded random weights (seed "
                        + weights.seed() + "). Input NCHW float, values in [-1, 1].")
                .addMetadataProps(OnnxExporter.meta("config", spec.config().label()))
                .addMetadataProps(OnnxExporter.meta("alpha", Double.toString(spec.config().alpha())))
                .addMetadataProps(OnnxExporter.meta("resolution", Integer.toString(spec.config().resolution())))
                .addMetadataProps(OnnxExporter.meta("activation", spec.config().activation().id()))
                .addMetadataProps(OnnxExporter.meta("weightSeed", Long.toString(weights.seed())))
                .addMetadataProps(OnnxExporter.meta("batchNorm", "folded"))
                .addMetadataProps(OnnxExporter.meta("precision", "int8"))
                .addMetadataProps(OnnxExporter.meta("calibration", ActivationCalibration.METHOD + ", "
                        + ranges.images() + " images, seed " + ranges.seed()))
                .setGraph(g)
                .build();
    }

    /** Adds {@code <prefix>/QuantizeLinear} of {@code tensor}; returns the uint8 tensor's name. */
    private static String quantize(GraphProto.Builder g, String tensor, String prefix, ActivationParams p) {
        String scale = prefix + "/out_scale";
        String zp = prefix + "/out_zero_point";
        g.addInitializer(OnnxExporter.floats(scale, new float[] {p.scale()}));
        g.addInitializer(bytes(zp, TensorProto.DataType.UINT8, new byte[] {(byte) p.zeroPoint()}));
        String out = prefix + "/out_q";
        g.addNode(NodeProto.newBuilder().setName(prefix + "/QuantizeLinear").setOpType("QuantizeLinear")
                .addInput(tensor).addInput(scale).addInput(zp).addOutput(out));
        return out;
    }

    /** Adds {@code <prefix>/DequantizeLinear} of a tensor quantized with {@code <prefix>/out_scale}. */
    private static String dequantize(GraphProto.Builder g, String quantized, String prefix, String out) {
        g.addNode(NodeProto.newBuilder().setName(prefix + "/DequantizeLinear").setOpType("DequantizeLinear")
                .addInput(quantized).addInput(prefix + "/out_scale").addInput(prefix + "/out_zero_point")
                .addOutput(out));
        return out;
    }

    /**
     * Per-channel int8 weights {@code <layer>/weights_quantized}, their scales and zero points, and the
     * DequantizeLinear (axis 0) that reads them into {@code <layer>/weights}; returns the scales.
     */
    private static float[] weightsDq(GraphProto.Builder g, String layer, float[] kernel, long[] dims, int channels) {
        PerChannelWeights q = Quantization.perChannelWeights(kernel, channels);
        String p = layer + "/weights";
        g.addInitializer(bytes(p + "_quantized", TensorProto.DataType.INT8, q.values(), dims));
        g.addInitializer(OnnxExporter.floats(p + "_scale", q.scales(), channels));
        g.addInitializer(bytes(p + "_zero_point", TensorProto.DataType.INT8, new byte[channels], channels));
        g.addNode(NodeProto.newBuilder().setName(p + "/DequantizeLinear").setOpType("DequantizeLinear")
                .addInput(p + "_quantized").addInput(p + "_scale").addInput(p + "_zero_point").addOutput(p)
                .addAttribute(OnnxExporter.intAttr("axis", 0)));
        return q.scales();
    }

    /** int32 biases with scale input x weight scale per channel, and their DequantizeLinear (axis 0). */
    private static void biasDq(GraphProto.Builder g, String layer, float[] bias, float inputScale,
            float[] weightScales) {
        float[] scales = Quantization.biasScales(inputScale, weightScales);
        int[] q = Quantization.int32Biases(bias, scales);
        String p = layer + "/biases";
        ByteBuffer buf = ByteBuffer.allocate(q.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asIntBuffer().put(q);
        g.addInitializer(bytes(p + "_quantized", TensorProto.DataType.INT32, buf.array(), q.length));
        g.addInitializer(OnnxExporter.floats(p + "_scale", scales, q.length));
        g.addInitializer(bytes(p + "_zero_point", TensorProto.DataType.INT32, new byte[q.length * Integer.BYTES],
                q.length));
        g.addNode(NodeProto.newBuilder().setName(p + "/DequantizeLinear").setOpType("DequantizeLinear")
                .addInput(p + "_quantized").addInput(p + "_scale").addInput(p + "_zero_point").addOutput(p)
                .addAttribute(OnnxExporter.intAttr("axis", 0)));
    }

    private static TensorProto bytes(String name, TensorProto.DataType type, byte[] raw, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
                .setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }
}
