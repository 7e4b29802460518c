package org.mobilenetexplorer.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.mobilenetexplorer.model.ActivationFunction;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.Shape;
import org.mobilenetexplorer.model.ToolVersion;
import org.mobilenetexplorer.onnx.proto.Onnx.AttributeProto;
import org.mobilenetexplorer.onnx.proto.Onnx.AttributeProto.AttributeType;
import org.mobilenetexplorer.onnx.proto.Onnx.GraphProto;
import org.mobilenetexplorer.onnx.proto.Onnx.ModelProto;
import org.mobilenetexplorer.onnx.proto.Onnx.NodeProto;
import org.mobilenetexplorer.onnx.proto.Onnx.OperatorSetIdProto;
import org.mobilenetexplorer.onnx.proto.Onnx.StringStringEntryProto;
import org.mobilenetexplorer.onnx.proto.Onnx.TensorProto;
import org.mobilenetexplorer.onnx.proto.Onnx.TensorShapeProto;
import org.mobilenetexplorer.onnx.proto.Onnx.TypeProto;
import org.mobilenetexplorer.onnx.proto.Onnx.ValueInfoProto;
import org.mobilenetexplorer.reference.BatchNorm;
import org.mobilenetexplorer.reference.BatchNormFolding;
import org.mobilenetexplorer.reference.LayerWeights;
import org.mobilenetexplorer.reference.NetworkWeights;

/**
 * Writes a network (spec + seeded weights) of any family as an ONNX model: input {@value #INPUT} float
 * {@code [batch, 3, H, W]} (NCHW, ONNX's convolution layout), output {@value #OUTPUT} float {@code [batch, classes]}.
 * The graph follows the spec's {@link LayerSpec#inputs()}: each spec layer writes the tensor {@code <name>/out}.
 * Operators: Conv (group = channels for depthwise; with a bias when batch norm is folded or the layer has its own),
 * BatchNormalization (when explicit), Relu, Clip(0, 6) for ReLU6, HardSwish, HardSigmoid(1/6, 1/2), nothing for a
 * linear layer; Add (residual), Mul (squeeze-and-excite's [N, C, 1, 1] gate broadcast over the map),
 * GlobalAveragePool, Flatten + Gemm (Logits), Softmax. Node names are the spec's TF-Slim names (activations and batch
 * norm get {@code /Relu6}, {@code /hard_swish}, {@code /BatchNorm} suffixes), so ONNX Runtime's profile maps back to
 * spec layers. Weights are raw little-endian float initializers named like TF-Slim's variables
 * ({@code Conv2d_0/weights}, {@code expanded_conv_3/project/BatchNorm/gamma}).
 */
public final class OnnxExporter {

    /** ONNX IR version written: IR 8 (ONNX 1.10+) is read by ONNX Runtime 1.29 and by common viewers. */
    public static final long IR_VERSION = 8;
    /**
     * Default-domain opset: 14, the first with HardSwish (V3's h-swish as one node, which ONNX Runtime 1.29 runs with
     * its own kernel); Clip takes min/max as inputs (13+).
     */
    public static final long OPSET = 14;
    public static final String INPUT = "input";
    public static final String OUTPUT = "softmax";
    public static final String PRODUCER = "mobilenet-explorer";
    /** Name of the symbolic batch dimension when the batch size is not fixed. */
    public static final String BATCH_DIM = "batch";
    private static final String CLIP_MIN = "clip_min";
    private static final String CLIP_MAX = "clip_max";

    /** How batch norm appears in the graph. */
    public enum BatchNormMode {
        /** Folded into the convolution's weights and a bias (what deployed runtimes execute). */
        FOLDED,
        /** A BatchNormalization node after every convolution (the network as trained). */
        EXPLICIT
    }

    /**
     * @param batchNorm folded or explicit batch norm
     * @param batch     fixed batch size, or 0 for a symbolic {@value #BATCH_DIM} dimension
     */
    public record Options(BatchNormMode batchNorm, int batch) {
        public static final Options DEFAULT = new Options(BatchNormMode.FOLDED, 0);

        public Options {
            if (batchNorm == null) {
                throw new IllegalArgumentException("batchNorm must be folded or explicit");
            }
            if (batch < 0) {
                throw new IllegalArgumentException("batch = " + batch + ": must be >= 0 (0 = symbolic)");
            }
        }
    }

    private OnnxExporter() {
    }

    /** The model as ONNX protobuf bytes. */
    public static byte[] export(NetworkWeights weights, Options options) {
        return toModel(weights, options).toByteArray();
    }

    /** The ONNX tensor that holds spec layer {@code index}'s output ({@link LayerSpec#NETWORK_INPUT}: the input). */
    static String tensorOf(ArchitectureSpec spec, int index) {
        if (index == LayerSpec.NETWORK_INPUT) {
            return INPUT;
        }
        LayerSpec l = spec.layers().get(index);
        return l.kind() == LayerKind.SOFTMAX ? OUTPUT : l.name() + "/out";
    }

    /** The model as a protobuf message (for tests and tools that inspect it). */
    public static ModelProto toModel(NetworkWeights weights, Options options) {
        ArchitectureSpec spec = weights.spec();
        MobileNetConfig config = spec.config();
        GraphProto.Builder g = GraphProto.newBuilder().setName(graphName(config));
        Shape in = spec.input();
        g.addInput(valueInfo(INPUT, options.batch(), 3, in.h(), in.w()));
        g.addOutput(valueInfo(OUTPUT, options.batch(), spec.output().c()));
        if (spec.layers().stream().anyMatch(l -> l.activation() == ActivationFunction.RELU6)) {
            g.addInitializer(floats(CLIP_MIN, new float[] {0f}));
            g.addInitializer(floats(CLIP_MAX, new float[] {6f}));
        }
        for (LayerSpec l : spec.layers()) {
            String name = l.name();
            String x = tensorOf(spec, l.inputIndex());
            String out = tensorOf(spec, l.index());
            switch (l.kind()) {
                case CONV, DEPTHWISE, POINTWISE, SE_CONV -> {
                    LayerWeights w = weights.layer(l);
                    long[] kshape = kernelShape(l);
                    NodeProto.Builder conv = NodeProto.newBuilder().setName(name).setOpType("Conv")
                            .addInput(x).addInput(name + "/weights")
                            .addAttribute(ints("kernel_shape", l.kernel(), l.kernel()))
                            .addAttribute(ints("strides", l.stride(), l.stride()))
                            .addAttribute(ints("pads", padBefore(l, l.input().h()), padBefore(l, l.input().w()),
                                    padAfter(l, l.input().h()), padAfter(l, l.input().w())))
                            .addAttribute(ints("dilations", 1, 1))
                            .addAttribute(intAttr("group", l.groups()));
                    boolean explicitBn = l.hasBatchNorm() && options.batchNorm() == BatchNormMode.EXPLICIT;
                    boolean linear = l.activation() == ActivationFunction.NONE;
                    String convOut = linear && !explicitBn ? out : name + "/conv_out";
                    String actIn;
                    if (!l.hasBatchNorm()) {
                        // a convolution with its own bias (squeeze-and-excite, V3's last 1 x 1)
                        g.addInitializer(floats(name + "/weights", w.kernel(), kshape));
                        g.addInitializer(floats(name + "/biases", w.bias(), l.output().c()));
                        g.addNode(conv.addInput(name + "/biases").addOutput(convOut));
                        actIn = convOut;
                    } else if (options.batchNorm() == BatchNormMode.FOLDED) {
                        BatchNormFolding.FoldedConv f = BatchNormFolding.fold(w);
                        g.addInitializer(floats(name + "/weights", f.kernel(), kshape));
                        g.addInitializer(floats(name + "/biases", f.bias(), l.output().c()));
                        g.addNode(conv.addInput(name + "/biases").addOutput(convOut));
                        actIn = convOut;
                    } else {
                        g.addInitializer(floats(name + "/weights", w.kernel(), kshape));
                        g.addNode(conv.addOutput(convOut));
                        BatchNorm bn = w.batchNorm();
                        String p = name + "/BatchNorm/";
                        g.addInitializer(floats(p + "gamma", bn.gamma(), bn.channels()));
                        g.addInitializer(floats(p + "beta", bn.beta(), bn.channels()));
                        g.addInitializer(floats(p + "moving_mean", bn.mean(), bn.channels()));
                        g.addInitializer(floats(p + "moving_variance", bn.variance(), bn.channels()));
                        actIn = linear ? out : name + "/bn_out";
                        g.addNode(NodeProto.newBuilder().setName(name + "/BatchNorm").setOpType("BatchNormalization")
                                .addInput(convOut).addInput(p + "gamma").addInput(p + "beta")
                                .addInput(p + "moving_mean").addInput(p + "moving_variance").addOutput(actIn)
                                .addAttribute(floatAttr("epsilon", (float) bn.epsilon())));
                    }
                    activation(g, name, l.activation(), actIn, out);
                }
                case AVG_POOL -> g.addNode(NodeProto.newBuilder().setName(name).setOpType("GlobalAveragePool")
                        .addInput(x).addOutput(out));
                case FC -> {
                    LayerWeights w = weights.layer(l);
                    g.addNode(NodeProto.newBuilder().setName(name + "/Flatten").setOpType("Flatten")
                            .addInput(x).addOutput(name + "/flat").addAttribute(intAttr("axis", 1)));
                    g.addInitializer(floats(name + "/weights", w.kernel(), l.output().c(), l.input().c()));
                    g.addInitializer(floats(name + "/biases", w.bias(), l.output().c()));
                    String gemmOut = l.activation() == ActivationFunction.NONE ? out : name + "/gemm_out";
                    g.addNode(NodeProto.newBuilder().setName(name).setOpType("Gemm")
                            .addInput(name + "/flat").addInput(name + "/weights").addInput(name + "/biases")
                            .addOutput(gemmOut).addAttribute(intAttr("transB", 1)));
                    activation(g, name, l.activation(), gemmOut, out);
                }
                case SOFTMAX -> g.addNode(NodeProto.newBuilder().setName(name).setOpType("Softmax")
                        .addInput(x).addOutput(out).addAttribute(intAttr("axis", 1)));
                case ADD, MULTIPLY -> {
                    // Mul broadcasts the [N, C, 1, 1] gate over the [N, C, H, W] map
                    String op = l.kind() == LayerKind.ADD ? "Add" : "Mul";
                    String sum = l.activation() == ActivationFunction.NONE ? out : name + "/" + op.toLowerCase() + "_out";
                    g.addNode(NodeProto.newBuilder().setName(name).setOpType(op)
                            .addInput(x).addInput(tensorOf(spec, l.inputs().get(1))).addOutput(sum));
                    activation(g, name, l.activation(), sum, out);
                }
            }
        }
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER)
                .setProducerVersion(ToolVersion.get())
                .setModelVersion(1)
                .setDocString("MobileNet " + (config.family() == Family.V1 ? "v1 " : "") + config.label()
                        + (config.family() == Family.V1 ? " (" + config.activation().id() + ")" : "")
                        + ", seeded random weights (seed " + weights.seed() + "), batch norm "
                        + options.batchNorm().name().toLowerCase(java.util.Locale.ROOT)
                        + ". Input NCHW, values in [-1, 1]. Latency does not depend on weight values.")
                .addMetadataProps(meta("config", config.label()))
                .addMetadataProps(meta("family", config.family().id()));
        if (config.family().hasMinimalistic()) {
            m.addMetadataProps(meta("minimalistic", Boolean.toString(config.minimalistic())));
        }
        m.addMetadataProps(meta("alpha", Double.toString(config.alpha())))
                .addMetadataProps(meta("resolution", Integer.toString(config.resolution())));
        if (config.family() == Family.V1) {
            m.addMetadataProps(meta("activation", config.activation().id()));
        }
        return m.addMetadataProps(meta("weightSeed", Long.toString(weights.seed())))
                .addMetadataProps(meta("batchNorm", options.batchNorm().name().toLowerCase(java.util.Locale.ROOT)))
                .setGraph(g)
                .build();
    }

    /** {@code MobileNetV1_1.0-224}, {@code MobileNetV3-Large_v3-large_1.0-224}: the family's name and the label. */
    private static String graphName(MobileNetConfig config) {
        String family = switch (config.family()) {
            case V1 -> "MobileNetV1";
            case V2 -> "MobileNetV2";
            case V3_LARGE -> "MobileNetV3-Large";
            case V3_SMALL -> "MobileNetV3-Small";
        };
        return family + "_" + config.label().replace(' ', '_');
    }

    /**
     * The node(s) of {@code f} from {@code in} to {@code out}, named after the layer: Relu, Clip(0, 6) for ReLU6,
     * HardSwish (opset 14) for h-swish, HardSigmoid(alpha 1/6, beta 1/2) for TF's hard-sigmoid; nothing for NONE
     * (then {@code in} must already be {@code out}).
     */
    private static void activation(GraphProto.Builder g, String layer, ActivationFunction f, String in, String out) {
        NodeProto.Builder act = NodeProto.newBuilder().addInput(in).addOutput(out);
        switch (f) {
            case NONE -> {
                if (!in.equals(out)) {
                    throw new IllegalStateException(layer + ": a linear layer writes its output directly");
                }
                return;
            }
            case RELU -> act.setName(layer + "/Relu").setOpType("Relu");
            case RELU6 -> act.setName(layer + "/Relu6").setOpType("Clip").addInput(CLIP_MIN).addInput(CLIP_MAX);
            case HARD_SWISH -> act.setName(layer + "/hard_swish").setOpType("HardSwish");
            case HARD_SIGMOID -> act.setName(layer + "/hard_sigmoid").setOpType("HardSigmoid")
                    .addAttribute(floatAttr("alpha", (float) (1.0 / 6.0))).addAttribute(floatAttr("beta", 0.5f));
        }
        g.addNode(act);
    }

    /** TF 'SAME': the smaller half of the total padding before. */
    static int padBefore(LayerSpec l, int in) {
        return l.samePaddingTotal(in) / 2;
    }

    static int padAfter(LayerSpec l, int in) {
        return l.samePaddingTotal(in) - padBefore(l, in);
    }

    static long[] kernelShape(LayerSpec l) {
        int k = l.kernel();
        return new long[] {l.output().c(), l.input().c() / l.groups(), k, k};
    }

    static StringStringEntryProto meta(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    static ValueInfoProto valueInfo(String name, int batch, int... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        shape.addDim(batch > 0 ? TensorShapeProto.Dimension.newBuilder().setDimValue(batch)
                : TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH_DIM));
        for (int d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }

    static TensorProto floats(String name, float[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(buf.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    static AttributeProto floatAttr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
    }
}
