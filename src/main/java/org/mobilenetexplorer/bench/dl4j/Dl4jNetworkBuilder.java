package org.mobilenetexplorer.bench.dl4j;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import java.util.EnumSet;
import java.util.Set;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.UnsupportedFamilyException;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.reference.BatchNorm;
import org.mobilenetexplorer.reference.BatchNormFolding;
import org.mobilenetexplorer.reference.LayerWeights;
import org.mobilenetexplorer.reference.NetworkWeights;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds a DL4J {@link MultiLayerNetwork} from the spec and copies the seeded weights in. DL4J layer names are
 * the spec layer names (batch norm and activation layers get {@code /BatchNorm}, {@code /Relu6} suffixes), so a
 * profile maps back to the spec. Weight layouts: ConvolutionLayer {@code W [out, in, kH, kW]} (the reference's
 * OIHW), DepthwiseConvolution2D {@code W [kH, kW, in, 1]}, DenseLayer {@code W [in, out]}, biases {@code [1, n]};
 * batch norm stores the variance ({@code useLogStd(false)}), epsilon 0.001 like the reference.
 */
final class Dl4jNetworkBuilder {
    static final String BN_SUFFIX = "/BatchNorm";

    /** The families the builder builds; the others are refused ({@link UnsupportedFamilyException}). */
    static final Set<Family> FAMILIES = EnumSet.of(Family.V1);

    private Dl4jNetworkBuilder() {
    }

    static MultiLayerNetwork build(NetworkWeights weights, Dl4jGraph graph, CNN2DFormat format,
            WorkspaceMode workspaceMode) {
        ArchitectureSpec spec = weights.spec();
        UnsupportedFamilyException.require("dl4j", spec.config(), FAMILIES);
        Activation act = switch (spec.config().activation()) {
            case RELU -> Activation.RELU;
            case RELU6 -> Activation.RELU6;
        };
        String actSuffix = "/" + (act == Activation.RELU ? "Relu" : "Relu6");
        var list = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .convolutionMode(ConvolutionMode.Same)
                .inferenceWorkspaceMode(workspaceMode)
                .trainingWorkspaceMode(workspaceMode)
                .list();
        boolean folded = graph == Dl4jGraph.FOLDED;
        for (LayerSpec l : spec.layers()) {
            String name = l.name();
            switch (l.kind()) {
                case CONV, POINTWISE, DEPTHWISE -> {
                    int k = l.kernel();
                    Activation convAct = folded ? act : Activation.IDENTITY;
                    if (l.kind() == org.mobilenetexplorer.model.LayerKind.DEPTHWISE) {
                        list.layer(new DepthwiseConvolution2D.Builder(k, k).stride(l.stride(), l.stride())
                                .depthMultiplier(1).nIn(l.input().c()).nOut(l.output().c()).hasBias(folded)
                                .dataFormat(format).activation(convAct).name(name).build());
                    } else {
                        list.layer(new ConvolutionLayer.Builder(k, k).stride(l.stride(), l.stride())
                                .nIn(l.input().c()).nOut(l.output().c()).hasBias(folded)
                                .dataFormat(format).activation(convAct).name(name).build());
                    }
                    if (!folded) {
                        // identity here: an activation on BatchNormalization is skipped at inference (M2.1)
                        list.layer(new BatchNormalization.Builder().nOut(l.output().c()).eps(BatchNorm.EPSILON)
                                .useLogStd(false).lockGammaBeta(false).dataFormat(format)
                                .activation(Activation.IDENTITY).name(name + BN_SUFFIX).build());
                        list.layer(new ActivationLayer.Builder().activation(act).name(name + actSuffix).build());
                    }
                }
                case AVG_POOL -> list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).collapseDimensions(true)
                        .name(name).build());
                case FC -> list.layer(new DenseLayer.Builder().nIn(l.input().c()).nOut(l.output().c())
                        .activation(Activation.IDENTITY).hasBias(true).name(name).build());
                case SOFTMAX -> list.layer(new ActivationLayer.Builder().activation(Activation.SOFTMAX).name(name)
                        .build());
                case SE_CONV, ADD, MULTIPLY -> throw new UnsupportedFamilyException("dl4j", spec.config().family(),
                        FAMILIES);
            }
        }
        MultiLayerConfiguration conf = list
                .setInputType(InputType.convolutional(spec.input().h(), spec.input().w(), 3, format))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        copyWeights(net, weights, folded);
        return net;
    }

    private static void copyWeights(MultiLayerNetwork net, NetworkWeights weights, boolean folded) {
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (name.endsWith(BN_SUFFIX)) {
                BatchNorm bn = weights.layer(name.substring(0, name.length() - BN_SUFFIX.length())).batchNorm();
                set(layer, "gamma", bn.gamma());
                set(layer, "beta", bn.beta());
                set(layer, "mean", bn.mean());
                set(layer, "var", bn.variance());
                continue;
            }
            if (layer.numParams() == 0) {
                continue;
            }
            LayerWeights w = weights.layer(name);
            LayerSpec l = w.layer();
            switch (l.kind()) {
                case CONV, POINTWISE -> {
                    if (folded) {
                        BatchNormFolding.FoldedConv f = BatchNormFolding.fold(w);
                        set(layer, "W", f.kernel()); // OIHW = DL4J's [out, in, kH, kW]
                        set(layer, "b", f.bias());
                    } else {
                        set(layer, "W", w.kernel());
                    }
                }
                case DEPTHWISE -> {
                    BatchNormFolding.FoldedConv f = folded ? BatchNormFolding.fold(w) : null;
                    float[] kernel = folded ? f.kernel() : w.kernel();
                    int c = l.input().c();
                    int k = l.kernel();
                    float[] khwc = new float[kernel.length]; // [kH, kW, C, 1]
                    for (int ch = 0; ch < c; ch++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                khwc[(ky * k + kx) * c + ch] = kernel[(ch * k + ky) * k + kx];
                            }
                        }
                    }
                    set(layer, "W", khwc);
                    if (folded) {
                        set(layer, "b", f.bias());
                    }
                }
                case FC -> {
                    int in = l.input().c();
                    int out = l.output().c();
                    float[] kernel = w.kernel();
                    float[] t = new float[kernel.length]; // [in, out]
                    for (int o = 0; o < out; o++) {
                        for (int i = 0; i < in; i++) {
                            t[i * out + o] = kernel[o * in + i];
                        }
                    }
                    set(layer, "W", t);
                    set(layer, "b", w.bias());
                }
                case AVG_POOL, SOFTMAX, SE_CONV, ADD, MULTIPLY -> throw new IllegalStateException("layer " + name
                        + " has parameters the builder does not copy");
            }
        }
    }

    private static void set(org.deeplearning4j.nn.api.Layer layer, String key, float[] values) {
        INDArray p = layer.getParam(key);
        if (p == null) {
            throw new IllegalStateException("DL4J layer " + layer.conf().getLayer().getLayerName() + " has no parameter "
                    + key + " (has " + layer.paramTable().keySet() + ")");
        }
        if (p.length() != values.length) {
            throw new IllegalStateException("DL4J layer " + layer.conf().getLayer().getLayerName() + " parameter " + key
                    + " has " + p.length() + " values, weights have " + values.length);
        }
        p.assign(Nd4j.create(values).reshape('c', p.shape()));
    }
}
