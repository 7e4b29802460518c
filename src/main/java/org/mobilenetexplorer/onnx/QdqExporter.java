package org.mobilenetexplorer.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.mobilenetexplorer.onnx.proto.Onnx.GraphProto;
import org.mobilenetexplorer.onnx.proto.Onnx.ModelProto;
import org.mobilenetexplorer.onnx.proto.Onnx.NodeProto;
import org.mobilenetexplorer.onnx.proto.Onnx.OperatorSetIdProto;
import org.mobilenetexplorer.onnx.proto.Onnx.TensorProto;
import org.mobilenetexplorer.model.ActivationFunction;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
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
 * V2 and V3 follow from the same walk over the spec (every layer's output is one uint8 tensor; each reader gets its
 * own DequantizeLinear of it):
 * <ul>
 *   <li>residual Add and squeeze-and-excite Mul between DequantizeLinear and QuantizeLinear (ORT: QLinearAdd,
 *       QLinearMul), the SE pool likewise (QLinearGlobalAveragePool);</li>
 *   <li>a linear layer (projection, add, multiply, pool) is quantized over its calibrated range, negative part
 *       included;</li>
 *   <li>hard-sigmoid after a convolution is folded into it: weights / 6, bias / 6 + 1/2, output range [0, &lt;= 1]
 *       with zero point 0 (the clip);</li>
 *   <li>h-swish as {@link HardSwishForm#QUANTIZED}: a quantized Add and Mul, no float node.</li>
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
        return toModel(weights, ranges, options, quantizeFirstConv, HardSwishForm.QUANTIZED);
    }

    /**
     * The INT8 model as a protobuf message, with a choice of how h-swish is written.
     *
     * @param quantizeFirstConv also quantize the first convolution (and so the input)
     * @param hardSwish         {@link HardSwishForm#QUANTIZED} in every model the tool runs or writes;
     *                          {@link HardSwishForm#FLOAT} only to measure the alternative
     */
    public static ModelProto toModel(NetworkWeights weights, ActivationCalibration.Ranges ranges,
            OnnxExporter.Options options, boolean quantizeFirstConv, HardSwishForm hardSwish) {
        ArchitectureSpec spec = weights.spec();
        MobileNetConfig config = spec.config();
        Builder b = new Builder(spec, ranges, hardSwish);
        Shape in = spec.input();
        b.g.addInput(OnnxExporter.valueInfo(OnnxExporter.INPUT, options.batch(), 3, in.h(), in.w()));
        b.g.addOutput(OnnxExporter.valueInfo(OnnxExporter.OUTPUT, options.batch(), spec.output().c()));
        if (quantizeFirstConv) {
            b.quantized.put(LayerSpec.NETWORK_INPUT, new QTensor(b.quantize(OnnxExporter.INPUT, OnnxExporter.INPUT,
                    Quantization.activation(INPUT_MIN, INPUT_MAX)), OnnxExporter.INPUT,
                    Quantization.activation(INPUT_MIN, INPUT_MAX)));
        }
        for (LayerSpec l : spec.layers()) {
            switch (l.kind()) {
                case CONV, DEPTHWISE, POINTWISE, SE_CONV -> b.conv(weights, l, quantizeFirstConv || l.index() > 0);
                case AVG_POOL -> b.node(l, "GlobalAveragePool", b.dq(l.inputIndex(), l));
                case ADD, MULTIPLY -> b.node(l, l.kind() == LayerKind.ADD ? "Add" : "Mul",
                        b.dq(l.inputs().get(0), l), b.dq(l.inputs().get(1), l));
                case FC -> b.fullyConnected(weights.layer(l));
                case SOFTMAX -> b.g.addNode(NodeProto.newBuilder().setName(l.name()).setOpType("Softmax")
                        .addInput(b.floatOutput(l.inputIndex())).addOutput(OnnxExporter.OUTPUT)
                        .addAttribute(OnnxExporter.intAttr("axis", 1)));
            }
        }
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(OnnxExporter.IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxExporter.OPSET))
                .setProducerName(OnnxExporter.PRODUCER)
                .setProducerVersion(ToolVersion.get())
                .setModelVersion(1)
                .setDocString("MobileNet " + (config.family() == Family.V1 ? "v1 " + config.label() + " ("
                        + config.activation().id() + ")" : config.label())
                        + " INT8, QDQ format: per-channel symmetric int8 weights, int32 biases, uint8 activations "
                        + "calibrated (" + ActivationCalibration.METHOD + ") by the reference forward pass over "
                        + ranges.images() + " generated images (seeds " + ranges.seed() + "..."
                        + (ranges.seed() + ranges.images() - 1) + "); batch norm folded; seeded random weights (seed "
                        + weights.seed() + "). Input NCHW float, values in [-1, 1].")
                .addMetadataProps(OnnxExporter.meta("config", config.label()))
                .addMetadataProps(OnnxExporter.meta("family", config.family().id()));
        if (config.family().hasMinimalistic()) {
            m.addMetadataProps(OnnxExporter.meta("minimalistic", Boolean.toString(config.minimalistic())));
        }
        m.addMetadataProps(OnnxExporter.meta("alpha", Double.toString(config.alpha())))
                .addMetadataProps(OnnxExporter.meta("resolution", Integer.toString(config.resolution())));
        if (config.family() == Family.V1) {
            m.addMetadataProps(OnnxExporter.meta("activation", config.activation().id()));
        }
        return m.addMetadataProps(OnnxExporter.meta("weightSeed", Long.toString(weights.seed())))
                .addMetadataProps(OnnxExporter.meta("batchNorm", "folded"))
                .addMetadataProps(OnnxExporter.meta("precision", "int8"))
                .addMetadataProps(OnnxExporter.meta("calibration", ActivationCalibration.METHOD + ", "
                        + ranges.images() + " images, seed " + ranges.seed()))
                .setGraph(b.g)
                .build();
    }

    /** How a h-swish (V3) is written. */
    public enum HardSwishForm {
        /**
         * As quantized operators ORT fuses: {@code h-swish(x) = x * hard-sigmoid(x)} with the gate
         * {@code hard-sigmoid(x) = clip(x / 6 + 1/2, 0, 1)} an Add of 1/2 to x read with scale / 6 (a
         * DequantizeLinear of x's uint8 values with a sixth of its scale), clipped by its uint8 range [0, 1]; then the
         * Mul of x by the gate (QLinearAdd, QLinearMul).
         */
        QUANTIZED,
        /** A float HardSwish between a DequantizeLinear and a QuantizeLinear. */
        FLOAT
    }

    /**
     * A spec layer's output as a quantized tensor.
     *
     * @param tensor the uint8 tensor
     * @param prefix the prefix of its {@code /out_scale} and {@code /out_zero_point} initializers
     * @param params its quantization
     */
    private record QTensor(String tensor, String prefix, ActivationParams params) {
    }

    /** The graph under construction and what it knows about every layer's output. */
    private static final class Builder {
        final GraphProto.Builder g = GraphProto.newBuilder();
        final ArchitectureSpec spec;
        final ActivationCalibration.Ranges ranges;
        final HardSwishForm hardSwish;
        /** Quantized outputs by spec layer index ({@link LayerSpec#NETWORK_INPUT}: the input, if quantized). */
        final Map<Integer, QTensor> quantized = new HashMap<>();
        /** Float outputs (the logits) by spec layer index. */
        final Map<Integer, String> floats = new HashMap<>();
        /** DequantizeLinear nodes written per quantized tensor (each consumer reads its own). */
        final Map<String, Integer> dqCount = new HashMap<>();

        Builder(ArchitectureSpec spec, ActivationCalibration.Ranges ranges, HardSwishForm hardSwish) {
            this.spec = spec;
            this.ranges = ranges;
            this.hardSwish = hardSwish;
            MobileNetConfig c = spec.config();
            g.setName(switch (c.family()) {
                case V1 -> "MobileNetV1";
                case V2 -> "MobileNetV2";
                case V3_LARGE -> "MobileNetV3-Large";
                case V3_SMALL -> "MobileNetV3-Small";
            } + "_" + c.label().replace(' ', '_') + "_int8");
        }

        /**
         * The float tensor {@code consumer} reads of layer {@code producer}'s output: a DequantizeLinear of its own
         * (the first one of a tensor is {@code <producer>/DequantizeLinear} writing {@code <producer>/out}), or the
         * plain input when the first convolution is FP32.
         */
        String dq(int producer, LayerSpec consumer) {
            QTensor q = quantized.get(producer);
            if (q == null) {
                if (producer == LayerSpec.NETWORK_INPUT) {
                    return OnnxExporter.INPUT;
                }
                throw new IllegalStateException("layer " + consumer.name() + ": input " + producer
                        + " has no quantized output");
            }
            return dequantize(q, q.prefix() + "/out_scale");
        }

        private String dequantize(QTensor q, String scale) {
            int n = dqCount.merge(q.tensor(), 1, Integer::sum);
            String suffix = n == 1 ? "" : "_" + n;
            String out = q.prefix() + (q.prefix().equals(OnnxExporter.INPUT) ? "/dq" : "/out") + suffix;
            g.addNode(NodeProto.newBuilder().setName(q.prefix() + "/DequantizeLinear" + suffix)
                    .setOpType("DequantizeLinear")
                    .addInput(q.tensor()).addInput(scale).addInput(q.prefix() + "/out_zero_point").addOutput(out));
            return out;
        }

        String floatOutput(int producer) {
            String f = floats.get(producer);
            if (f == null) {
                throw new IllegalStateException("softmax: input " + producer + " is not a float tensor");
            }
            return f;
        }

        /** {@code <prefix>/QuantizeLinear} of {@code tensor} with its {@code <prefix>/out_scale} etc. */
        String quantize(String tensor, String prefix, ActivationParams p) {
            return QdqExporter.quantize(g, tensor, prefix, p);
        }

        /**
         * A one-operator layer (pool, add, multiply) on float inputs, then its activation into the quantized output.
         */
        void node(LayerSpec l, String op, String... inputs) {
            NodeProto.Builder n = NodeProto.newBuilder().setName(l.name()).setOpType(op)
                    .addOutput(l.name() + "/" + op.toLowerCase(java.util.Locale.ROOT) + "_out");
            for (String i : inputs) {
                n.addInput(i);
            }
            g.addNode(n);
            activate(l, l.name() + "/" + op.toLowerCase(java.util.Locale.ROOT) + "_out", true);
        }

        void conv(NetworkWeights weights, LayerSpec l, boolean quantizedConv) {
            String name = l.name();
            LayerWeights w = weights.layer(l);
            float[] kernel;
            float[] bias;
            if (l.hasBatchNorm()) {
                BatchNormFolding.FoldedConv f = BatchNormFolding.fold(w);
                kernel = f.kernel();
                bias = f.bias();
            } else {
                kernel = w.kernel();
                bias = w.bias();
            }
            if (l.activation() == ActivationFunction.HARD_SIGMOID) {
                // hard-sigmoid(z) = clip(z / 6 + 1/2, 0, 1): the convolution computes z / 6 + 1/2 and the output's
                // uint8 range [0, <= 1] with zero point 0 is the clip (exact: no float operator left)
                for (int i = 0; i < kernel.length; i++) {
                    kernel[i] = (float) (kernel[i] / 6.0);
                }
                for (int i = 0; i < bias.length; i++) {
                    bias[i] = (float) (bias[i] / 6.0 + 0.5);
                }
            }
            long[] kshape = OnnxExporter.kernelShape(l);
            String x = dq(l.inputIndex(), l);
            if (quantizedConv) {
                float[] ws = weightsDq(g, name, kernel, kshape, l.output().c());
                biasDq(g, name, bias, quantized.get(l.inputIndex()).params().scale(), ws);
            } else {
                g.addInitializer(OnnxExporter.floats(name + "/weights", kernel, kshape));
                g.addInitializer(OnnxExporter.floats(name + "/biases", bias, l.output().c()));
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
            activate(l, name + "/conv_out", quantizedConv);
        }

        /**
         * The layer's activation from the float tensor {@code pre} to its quantized output {@code <layer>/out_q}.
         * ReLU, ReLU6 and (after a convolution rewritten for it) hard-sigmoid are the output range's saturation; a
         * linear layer keeps its calibrated range, negative part included; h-swish is written as {@link #hardSwish}
         * says.
         *
         * @param quantizedInput {@code pre} comes from a quantized operator (false: the FP32 first convolution, whose
         *                       h-swish then stays one float node before the output's QuantizeLinear)
         */
        private void activate(LayerSpec l, String pre, boolean quantizedInput) {
            String name = l.name();
            ActivationCalibration.Range r = ranges.of(name);
            ActivationParams outQ = switch (l.activation()) {
                case NONE, HARD_SWISH -> Quantization.activation(r.min(), r.max());
                case RELU -> Quantization.activation(0, r.max());
                case RELU6 -> Quantization.activation(0, Math.min(r.max(), 6.0));
                case HARD_SIGMOID -> {
                    if (!l.kind().isConvolution()) {
                        throw new UnsupportedOperationException("INT8 export: layer " + name + " of kind " + l.kind()
                                + ": hard-sigmoid is folded into a convolution only");
                    }
                    yield Quantization.activation(0, Math.min(r.max(), 1.0));
                }
            };
            String out;
            if (l.activation() != ActivationFunction.HARD_SWISH) {
                out = quantize(pre, name, outQ);
            } else if (!quantizedInput) {
                g.addNode(NodeProto.newBuilder().setName(name + "/hard_swish").setOpType("HardSwish")
                        .addInput(pre).addOutput(name + "/hard_swish_out"));
                out = quantize(name + "/hard_swish_out", name, outQ);
            } else {
                out = hardSwish(l, pre, outQ);
            }
            quantized.put(l.index(), new QTensor(out, name, outQ));
        }

        /**
         * h-swish of the float {@code pre}: {@code pre} quantized over its calibrated range (below -3 h-swish is 0,
         * so the range starts at -3 at the lowest), then the {@link HardSwishForm} chosen.
         */
        private String hardSwish(LayerSpec l, String pre, ActivationParams outQ) {
            String name = l.name();
            String p = name + "/hard_swish";
            ActivationCalibration.Range r = ranges.beforeActivation(name);
            ActivationParams preQ = Quantization.activation(Math.max(r.min(), -3.0), Math.max(r.max(), -3.0));
            QTensor x = new QTensor(quantize(pre, p + "/input", preQ), p + "/input", preQ);
            switch (hardSwish) {
                case FLOAT -> {
                    g.addNode(NodeProto.newBuilder().setName(p).setOpType("HardSwish")
                            .addInput(dequantize(x, x.prefix() + "/out_scale")).addOutput(p + "_out"));
                    return quantize(p + "_out", name, outQ);
                }
                case QUANTIZED -> {
                    // gate = clip(x / 6 + 1/2, 0, 1): x's uint8 values read with a sixth of its scale, plus 1/2
                    // (stored exactly: 1 x 0.5), quantized over [0, 1] with zero point 0 (the clip)
                    String gateP = p + "/gate";
                    g.addInitializer(OnnxExporter.floats(x.prefix() + "/out_scale_sixth",
                            new float[] {(float) (x.params().scale() / 6.0)}));
                    String sixth = dequantize(x, x.prefix() + "/out_scale_sixth");
                    ActivationParams halfQ = new ActivationParams(0.5f, 0);
                    g.addInitializer(OnnxExporter.floats(gateP + "/half_scale", new float[] {halfQ.scale()}));
                    g.addInitializer(bytes(gateP + "/half_zero_point", TensorProto.DataType.UINT8, new byte[] {0}));
                    g.addInitializer(bytes(gateP + "/half_quantized", TensorProto.DataType.UINT8, new byte[] {1}));
                    g.addNode(NodeProto.newBuilder().setName(gateP + "/half/DequantizeLinear")
                            .setOpType("DequantizeLinear").addInput(gateP + "/half_quantized")
                            .addInput(gateP + "/half_scale").addInput(gateP + "/half_zero_point")
                            .addOutput(gateP + "/half"));
                    g.addNode(NodeProto.newBuilder().setName(gateP).setOpType("Add")
                            .addInput(sixth).addInput(gateP + "/half").addOutput(gateP + "/add_out"));
                    ActivationParams gateQ = Quantization.activation(0, 1);
                    QTensor gate = new QTensor(quantize(gateP + "/add_out", gateP, gateQ), gateP, gateQ);
                    g.addNode(NodeProto.newBuilder().setName(p).setOpType("Mul")
                            .addInput(dequantize(x, x.prefix() + "/out_scale"))
                            .addInput(dequantize(gate, gate.prefix() + "/out_scale")).addOutput(p + "/mul_out"));
                    return quantize(p + "/mul_out", name, outQ);
                }
            }
            throw new AssertionError(hardSwish);
        }

        /** Flatten on the uint8 input (a reshape needs no dequantization), then Gemm to float logits. */
        void fullyConnected(LayerWeights lw) {
            LayerSpec l = lw.layer();
            String name = l.name();
            QTensor in = quantized.get(l.inputIndex());
            g.addNode(NodeProto.newBuilder().setName(name + "/Flatten").setOpType("Flatten")
                    .addInput(in.tensor()).addOutput(name + "/flat_q").addAttribute(OnnxExporter.intAttr("axis", 1)));
            String x = dequantize(new QTensor(name + "/flat_q", in.prefix(), in.params()), in.prefix() + "/out_scale");
            float[] ws = weightsDq(g, name, lw.kernel(), new long[] {l.output().c(), l.input().c()}, l.output().c());
            biasDq(g, name, lw.bias(), in.params().scale(), ws);
            if (l.activation() != ActivationFunction.NONE) {
                throw new UnsupportedOperationException("INT8 export: layer " + name + ": logits with activation "
                        + l.activation() + " have no quantized form");
            }
            g.addNode(NodeProto.newBuilder().setName(name).setOpType("Gemm")
                    .addInput(x).addInput(name + "/weights").addInput(name + "/biases").addOutput(name + "/out")
                    .addAttribute(OnnxExporter.intAttr("transB", 1)));
            floats.put(l.index(), name + "/out");
        }
    }

    /** Adds {@code <prefix>/QuantizeLinear} of {@code tensor}; returns the uint8 tensor's name. */
    static String quantize(GraphProto.Builder g, String tensor, String prefix, ActivationParams p) {
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
