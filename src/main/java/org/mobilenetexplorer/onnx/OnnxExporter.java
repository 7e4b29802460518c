package org.mobilenetexplorer.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.AttributeProto.AttributeType;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.StringStringEntryProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import java.util.EnumSet;
import java.util.Set;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.UnsupportedFamilyException;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.Shape;
import org.mobilenetexplorer.model.ToolVersion;
import org.mobilenetexplorer.reference.BatchNorm;
import org.mobilenetexplorer.reference.BatchNormFolding;
import org.mobilenetexplorer.reference.LayerWeights;
import org.mobilenetexplorer.reference.NetworkWeights;
import org.nd4j.shade.protobuf.ByteString;

/**
 * Writes a network (spec + seeded weights) as an ONNX model: input {@value #INPUT} float
 * {@code [batch, 3, H, W]} (NCHW, ONNX's convolution layout), output {@value #OUTPUT} float {@code [batch, classes]}.
 * Operators: Conv (group = channels for depthwise; with a bias when batch norm is folded), BatchNormalization
 * (when explicit), Relu or Clip(0, 6), GlobalAveragePool, Flatten, Gemm, Softmax. Weights are raw little-endian
 * float initializers named like TF-Slim's variables ({@code Conv2d_0/weights}, {@code Conv2d_0/BatchNorm/gamma}).
 */
public final class OnnxExporter {

    /** ONNX IR version written: IR 8 (ONNX 1.10+) is read by ONNX Runtime 1.29 and by common viewers. */
    public static final long IR_VERSION = 8;
    /** Default-domain opset (13: Clip takes min/max as inputs, Softmax works on the last axis). */
    public static final long OPSET = 13;
    public static final String INPUT = "input";
    public static final String OUTPUT = "softmax";
    public static final String PRODUCER = "mobilenet-explorer";
    /** Name of the symbolic batch dimension when the batch size is not fixed. */
    public static final String BATCH_DIM = "batch";

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

    /** The families the exporter writes; the others are refused ({@link UnsupportedFamilyException}). */
    public static final Set<Family> FAMILIES = EnumSet.of(Family.V1);

    private OnnxExporter() {
    }

    /** The model as ONNX protobuf bytes. */
    public static byte[] export(NetworkWeights weights, Options options) {
        return toModel(weights, options).toByteArray();
    }

    /** The model as a protobuf message (for tests and tools that inspect it). */
    public static ModelProto toModel(NetworkWeights weights, Options options) {
        ArchitectureSpec spec = weights.spec();
        UnsupportedFamilyException.require("onnx", spec.config(), FAMILIES);
        GraphProto.Builder g = GraphProto.newBuilder().setName("MobileNetV1_" + spec.config().label().replace(' ', '_'));
        Shape in = spec.input();
        g.addInput(valueInfo(INPUT, options.batch(), 3, in.h(), in.w()));
        g.addOutput(valueInfo(OUTPUT, options.batch(), spec.output().c()));
        boolean relu6 = switch (spec.config().activation()) {
            case RELU -> false;
            case RELU6 -> true;
        };
        if (relu6) {
            g.addInitializer(floats("clip_min", new float[] {0f}));
            g.addInitializer(floats("clip_max", new float[] {6f}));
        }
        String x = INPUT;
        for (LayerSpec l : spec.layers()) {
            String name = l.name();
            switch (l.kind()) {
                case CONV, DEPTHWISE, POINTWISE -> {
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
                    String convOut = name + "/conv_out";
                    String actIn;
                    if (options.batchNorm() == BatchNormMode.FOLDED) {
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
                        actIn = name + "/bn_out";
                        g.addNode(NodeProto.newBuilder().setName(name + "/BatchNorm").setOpType("BatchNormalization")
                                .addInput(convOut).addInput(p + "gamma").addInput(p + "beta")
                                .addInput(p + "moving_mean").addInput(p + "moving_variance").addOutput(actIn)
                                .addAttribute(floatAttr("epsilon", (float) bn.epsilon())));
                    }
                    String out = name + "/out";
                    NodeProto.Builder act = NodeProto.newBuilder().addInput(actIn).addOutput(out);
                    if (relu6) {
                        act.setName(name + "/Relu6").setOpType("Clip").addInput("clip_min").addInput("clip_max");
                    } else {
                        act.setName(name + "/Relu").setOpType("Relu");
                    }
                    g.addNode(act);
                    x = out;
                }
                case AVG_POOL -> {
                    g.addNode(NodeProto.newBuilder().setName(name).setOpType("GlobalAveragePool")
                            .addInput(x).addOutput(name + "/out"));
                    g.addNode(NodeProto.newBuilder().setName(name + "/Flatten").setOpType("Flatten")
                            .addInput(name + "/out").addOutput(name + "/flat").addAttribute(intAttr("axis", 1)));
                    x = name + "/flat";
                }
                case FC -> {
                    LayerWeights w = weights.layer(l);
                    g.addInitializer(floats(name + "/weights", w.kernel(), l.output().c(), l.input().c()));
                    g.addInitializer(floats(name + "/biases", w.bias(), l.output().c()));
                    g.addNode(NodeProto.newBuilder().setName(name).setOpType("Gemm")
                            .addInput(x).addInput(name + "/weights").addInput(name + "/biases").addOutput(name + "/out")
                            .addAttribute(intAttr("transB", 1)));
                    x = name + "/out";
                }
                case SOFTMAX -> g.addNode(NodeProto.newBuilder().setName(name).setOpType("Softmax")
                        .addInput(x).addOutput(OUTPUT).addAttribute(intAttr("axis", 1)));
                case SE_CONV, ADD, MULTIPLY -> throw new UnsupportedFamilyException("onnx", spec.config().family(),
                        FAMILIES);
            }
        }
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER)
                .setProducerVersion(ToolVersion.get())
                .setModelVersion(1)
                .setDocString("MobileNet v1 " + spec.config().label() + " (" + spec.config().activation().id()
                        + "), seeded random weights (seed " + weights.seed() + "), batch norm "
                        + options.batchNorm().name().toLowerCase(java.util.Locale.ROOT)
                        + ". Input NCHW, values in [-1, 1]. Latency does not depend on weight values.")
                .addMetadataProps(meta("config", spec.config().label()))
                .addMetadataProps(meta("alpha", Double.toString(spec.config().alpha())))
                .addMetadataProps(meta("resolution", Integer.toString(spec.config().resolution())))
                .addMetadataProps(meta("activation", spec.config().activation().id()))
                .addMetadataProps(meta("weightSeed", Long.toString(weights.seed())))
                .addMetadataProps(meta("batchNorm", options.batchNorm().name().toLowerCase(java.util.Locale.ROOT)))
                .setGraph(g)
                .build();
    }

    /** TF 'SAME': the smaller half of the total padding before. */
    static int padBefore(LayerSpec l, int in) {
        return l.samePaddingTotal(in) / 2;
    }

    static int padAfter(LayerSpec l, int in) {
        return l.samePaddingTotal(in) - padBefore(l, in);
    }

    private static long[] kernelShape(LayerSpec l) {
        int k = l.kernel();
        return new long[] {l.output().c(), l.input().c() / l.groups(), k, k};
    }

    private static StringStringEntryProto meta(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static ValueInfoProto valueInfo(String name, int batch, int... dims) {
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

    private static TensorProto floats(String name, float[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(buf.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    private static AttributeProto floatAttr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
    }
}
