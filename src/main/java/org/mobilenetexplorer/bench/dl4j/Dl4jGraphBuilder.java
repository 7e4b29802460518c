package org.mobilenetexplorer.bench.dl4j;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.mobilenetexplorer.model.ActivationFunction;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.reference.BatchNorm;
import org.mobilenetexplorer.reference.BatchNormFolding;
import org.mobilenetexplorer.reference.LayerWeights;
import org.mobilenetexplorer.reference.NetworkWeights;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds a DL4J {@link ComputationGraph} of any family from the spec, following its {@link LayerSpec#inputs()}, and
 * copies the seeded weights in (V2/V3: residual adds and squeeze-and-excite need a graph; V1 keeps the tuned
 * {@link Dl4jNetworkBuilder} chain). One vertex per spec layer named as the spec layer, plus {@code /BatchNorm} and an
 * activation vertex ({@code /Relu6}, {@code /hard_swish}, ...) per convolution when unfolded:
 * <ul>
 *   <li>convolutions on a map: ConvolutionLayer or DepthwiseConvolution2D (TF 'SAME'), bias when folded or when the
 *       layer has its own, activation fused when folded or when it has no batch norm;</li>
 *   <li>a global pool gives a vector ([N, C]); 1 x 1 convolutions on a vector (squeeze-and-excite's, V3's Conv_2) and
 *       the logits are DenseLayers (the same arithmetic and parameter count);</li>
 *   <li>residual add: ElementWiseVertex(Add); squeeze-and-excite's multiply: {@link ChannelMultiplyVertex};</li>
 *   <li>h-swish and TF's hard-sigmoid: {@link HardSwishActivation}, {@link HardSigmoidActivation}.</li>
 * </ul>
 */
final class Dl4jGraphBuilder {
    static final String INPUT = "input";

    private Dl4jGraphBuilder() {
    }

    /** The DL4J activation of a spec activation function. */
    static IActivation activation(ActivationFunction f) {
        return switch (f) {
            case NONE -> Activation.IDENTITY.getActivationFunction();
            case RELU -> Activation.RELU.getActivationFunction();
            case RELU6 -> Activation.RELU6.getActivationFunction();
            case HARD_SWISH -> new HardSwishActivation();
            case HARD_SIGMOID -> new HardSigmoidActivation();
        };
    }

    /** The suffix of an unfolded activation vertex: {@code /Relu6}, {@code /hard_swish} (as the ONNX export). */
    static String activationSuffix(ActivationFunction f) {
        return switch (f) {
            case NONE -> "/Identity";
            case RELU -> "/Relu";
            case RELU6 -> "/Relu6";
            case HARD_SWISH -> "/hard_swish";
            case HARD_SIGMOID -> "/hard_sigmoid";
        };
    }

    static ComputationGraph build(NetworkWeights weights, Dl4jGraph graph, CNN2DFormat format,
            WorkspaceMode workspaceMode) {
        ArchitectureSpec spec = weights.spec();
        boolean folded = graph == Dl4jGraph.FOLDED;
        var g = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .convolutionMode(ConvolutionMode.Same)
                .inferenceWorkspaceMode(workspaceMode)
                .trainingWorkspaceMode(workspaceMode)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(spec.input().h(), spec.input().w(), 3, format));
        // per spec layer: the vertex holding its output, and whether that output is a vector ([N, C]) or a map
        Map<Integer, String> vertexOf = new HashMap<>();
        Map<Integer, Boolean> vector = new HashMap<>();
        vertexOf.put(LayerSpec.NETWORK_INPUT, INPUT);
        vector.put(LayerSpec.NETWORK_INPUT, false);
        for (LayerSpec l : spec.layers()) {
            String name = l.name();
            String in = vertexOf.get(l.inputIndex());
            boolean onVector = vector.get(l.inputIndex());
            String last = name;
            boolean outVector = onVector;
            switch (l.kind()) {
                case CONV, DEPTHWISE, POINTWISE, SE_CONV -> {
                    boolean explicitBn = l.hasBatchNorm() && !folded;
                    IActivation fused = explicitBn ? activation(ActivationFunction.NONE) : activation(l.activation());
                    boolean bias = !explicitBn;
                    int k = l.kernel();
                    if (onVector) {
                        if (k != 1 || l.kind() == LayerKind.DEPTHWISE) {
                            throw new IllegalStateException(name + ": only a 1 x 1 convolution can follow a global pool");
                        }
                        g.addLayer(name, new DenseLayer.Builder().nIn(l.input().c()).nOut(l.output().c()).hasBias(bias)
                                .activation(fused).build(), in);
                    } else if (l.kind() == LayerKind.DEPTHWISE) {
                        g.addLayer(name, new DepthwiseConvolution2D.Builder(k, k).stride(l.stride(), l.stride())
                                .depthMultiplier(1).nIn(l.input().c()).nOut(l.output().c()).hasBias(bias)
                                .dataFormat(format).activation(fused).build(), in);
                    } else {
                        g.addLayer(name, new ConvolutionLayer.Builder(k, k).stride(l.stride(), l.stride())
                                .nIn(l.input().c()).nOut(l.output().c()).hasBias(bias)
                                .dataFormat(format).activation(fused).build(), in);
                    }
                    if (explicitBn) {
                        // identity here: an activation on BatchNormalization is skipped at inference (M2.1)
                        var bn = new BatchNormalization.Builder().nOut(l.output().c()).eps(BatchNorm.EPSILON)
                                .useLogStd(false).lockGammaBeta(false).activation(Activation.IDENTITY);
                        if (!onVector) {
                            bn.dataFormat(format);
                        }
                        g.addLayer(name + Dl4jNetworkBuilder.BN_SUFFIX, bn.build(), name);
                        last = name + Dl4jNetworkBuilder.BN_SUFFIX;
                        if (l.activation() != ActivationFunction.NONE) {
                            String actName = name + activationSuffix(l.activation());
                            g.addLayer(actName, new ActivationLayer.Builder().activation(activation(l.activation()))
                                    .build(), last);
                            last = actName;
                        }
                    }
                }
                case AVG_POOL -> {
                    g.addLayer(name, new GlobalPoolingLayer.Builder(PoolingType.AVG).collapseDimensions(true).build(), in);
                    outVector = true;
                }
                case FC -> g.addLayer(name, new DenseLayer.Builder().nIn(l.input().c()).nOut(l.output().c())
                        .activation(activation(l.activation())).hasBias(true).build(), in);
                case SOFTMAX -> g.addLayer(name, new ActivationLayer.Builder().activation(Activation.SOFTMAX).build(), in);
                case ADD -> g.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), in,
                        vertexOf.get(l.inputs().get(1)));
                case MULTIPLY -> g.addVertex(name, new ChannelMultiplyVertex(format), in,
                        vertexOf.get(l.inputs().get(1)));
            }
            if ((l.kind() == LayerKind.ADD || l.kind() == LayerKind.MULTIPLY)
                    && l.activation() != ActivationFunction.NONE) {
                String actName = name + activationSuffix(l.activation());
                g.addLayer(actName, new ActivationLayer.Builder().activation(activation(l.activation())).build(), name);
                last = actName;
            }
            vertexOf.put(l.index(), last);
            vector.put(l.index(), outVector);
        }
        ComputationGraphConfiguration conf = g.setOutputs(vertexOf.get(spec.layers().size() - 1)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        copyWeights(net, weights, folded);
        return net;
    }

    private static void copyWeights(ComputationGraph net, NetworkWeights weights, boolean folded) {
        for (LayerWeights w : weights.layers()) {
            LayerSpec l = w.layer();
            Layer layer = net.getLayer(l.name());
            boolean fold = folded && l.hasBatchNorm();
            float[] kernel = fold ? BatchNormFolding.fold(w).kernel() : w.kernel();
            float[] bias = fold ? BatchNormFolding.fold(w).bias() : l.hasBias() ? w.bias() : null;
            if (layer.conf().getLayer() instanceof DenseLayer) {
                Dl4jNetworkBuilder.set(layer, "W", Dl4jNetworkBuilder.denseKernel(kernel, l.input().c(), l.output().c()));
            } else if (l.kind() == LayerKind.DEPTHWISE) {
                Dl4jNetworkBuilder.set(layer, "W", Dl4jNetworkBuilder.depthwiseKernel(kernel, l.input().c(), l.kernel()));
            } else {
                Dl4jNetworkBuilder.set(layer, "W", kernel); // OIHW = DL4J's [out, in, kH, kW]
            }
            if (bias != null) {
                Dl4jNetworkBuilder.set(layer, "b", bias);
            }
            if (l.hasBatchNorm() && !folded) {
                Layer bnLayer = net.getLayer(l.name() + Dl4jNetworkBuilder.BN_SUFFIX);
                BatchNorm bn = w.batchNorm();
                Dl4jNetworkBuilder.set(bnLayer, "gamma", bn.gamma());
                Dl4jNetworkBuilder.set(bnLayer, "beta", bn.beta());
                Dl4jNetworkBuilder.set(bnLayer, "mean", bn.mean());
                Dl4jNetworkBuilder.set(bnLayer, "var", bn.variance());
            }
        }
    }
}
