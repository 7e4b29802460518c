package org.mobilenetexplorer.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ActivationFunction;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.Shape;

/**
 * The spec computed in plain Java, double precision, batch norm explicit (not folded): the ground truth for the
 * backends and the teaching view. Layers run in spec order, each on the outputs its {@link LayerSpec#inputs()} name
 * (the residual add and the squeeze-and-excite multiply read two); a convolution is followed by its batch norm or bias
 * and then its activation ({@link ActivationFunction#apply(double)}: ReLU, ReLU6, h-swish, hard-sigmoid or none). Convolutions use TF 'SAME' padding: of the total padding
 * ({@link LayerSpec#samePaddingTotal(int)}) {@code total / 2} goes before and the rest after. Not fast (about a
 * second for 1.0-224); not thread-safe per call, but stateless: calls may run concurrently.
 */
public final class ReferenceForwardPass {
    private final NetworkWeights weights;

    public ReferenceForwardPass(NetworkWeights weights) {
        this.weights = weights;
    }

    /** The softmax of one image (NHWC, length resolution x resolution x 3). */
    public double[] run(float[] image) {
        List<LayerOutput> all = forward(image, false);
        return all.get(all.size() - 1).values();
    }

    /** The softmax of {@code batch} images stacked NHWC; batch x classes, row-major. */
    public double[] runBatch(float[] input, int batch) {
        int per = Math.toIntExact(weights.spec().input().elements());
        if (input.length != (long) per * batch) {
            throw new IllegalArgumentException("input has " + input.length + " values, expected " + batch + " x " + per);
        }
        int classes = weights.spec().output().c();
        double[] out = new double[batch * classes];
        for (int b = 0; b < batch; b++) {
            float[] image = java.util.Arrays.copyOfRange(input, b * per, (b + 1) * per);
            System.arraycopy(run(image), 0, out, b * classes, classes);
        }
        return out;
    }

    /** Every spec layer's output for one image, in execution order (the last one is the softmax). */
    public List<LayerOutput> runAllLayers(float[] image) {
        return forward(image, true, null);
    }

    /**
     * Every spec layer's output for one image, and each convolution's value before its activation (after its batch
     * norm or bias) given to {@code preActivation} as it is computed (INT8 calibration quantizes the input of a
     * h-swish). The map passed is the pass's own array: read it, do not keep it.
     */
    List<LayerOutput> runAllLayers(float[] image, BiConsumer<LayerSpec, double[]> preActivation) {
        return forward(image, true, preActivation);
    }

    private List<LayerOutput> forward(float[] image, boolean keepAll) {
        return forward(image, keepAll, null);
    }

    private List<LayerOutput> forward(float[] image, boolean keepAll,
            BiConsumer<LayerSpec, double[]> preActivation) {
        Shape in = weights.spec().input();
        if (image.length != in.elements()) {
            throw new IllegalArgumentException("image has " + image.length + " values, expected " + in + " = "
                    + in.elements());
        }
        double[] x = new double[image.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = image[i];
        }
        List<LayerSpec> layers = weights.spec().layers();
        int n = layers.size();
        // each layer's output is kept until its last reader has run
        int[] lastUse = new int[n];
        java.util.Arrays.fill(lastUse, -1);
        for (LayerSpec l : layers) {
            for (int src : l.inputs()) {
                if (src != LayerSpec.NETWORK_INPUT) {
                    lastUse[src] = Math.max(lastUse[src], l.index());
                }
            }
        }
        double[][] maps = new double[n][];
        List<LayerOutput> outputs = new ArrayList<>();
        for (int li = 0; li < n; li++) {
            LayerSpec l = layers.get(li);
            double[] a = operand(l, 0, x, maps);
            double[] y = switch (l.kind()) {
                case CONV, DEPTHWISE, POINTWISE, SE_CONV -> preActivation == null
                        ? biasOrBatchNormActivation(convolve(a, weights.layer(l)), weights.layer(l))
                        : observed(l, biasOrBatchNorm(convolve(a, weights.layer(l)), weights.layer(l)), preActivation);
                case AVG_POOL -> globalAveragePool(a, l.input());
                case FC -> activate(fullyConnected(a, weights.layer(l)), l.activation());
                case SOFTMAX -> softmax(a);
                case ADD -> activate(add(a, operand(l, 1, x, maps)), l.activation());
                case MULTIPLY -> activate(multiplyChannels(a, operand(l, 1, x, maps), l.output().c()), l.activation());
            };
            maps[li] = y;
            for (int src : l.inputs()) {
                if (src != LayerSpec.NETWORK_INPUT && lastUse[src] == li) {
                    maps[src] = null;
                }
            }
            if (keepAll || li == n - 1) {
                outputs.add(new LayerOutput(l, y));
            }
        }
        return outputs;
    }

    private static double[] operand(LayerSpec l, int i, double[] image, double[][] maps) {
        int in = l.inputs().get(i);
        return in == LayerSpec.NETWORK_INPUT ? image : maps[in];
    }

    /** Hands the pre-activation map to {@code sink}, then applies the layer's activation in place. */
    private static double[] observed(LayerSpec l, double[] linear, BiConsumer<LayerSpec, double[]> sink) {
        sink.accept(l, linear);
        return activate(linear, l.activation());
    }

    /** The layer's batch norm (or bias) without its activation, in place. */
    private static double[] biasOrBatchNorm(double[] x, LayerWeights w) {
        LayerSpec l = w.layer();
        if (l.hasBatchNorm()) {
            return batchNormActivation(x, w.batchNorm(), ActivationFunction.NONE);
        }
        if (l.hasBias()) {
            int c = l.output().c();
            for (int i = 0; i < x.length; i++) {
                x[i] += w.biasAt(i % c);
            }
        }
        return x;
    }

    /** The layer's batch norm (or bias) and activation, in place. */
    private static double[] biasOrBatchNormActivation(double[] x, LayerWeights w) {
        LayerSpec l = w.layer();
        if (l.hasBatchNorm()) {
            return batchNormActivation(x, w.batchNorm(), l.activation());
        }
        if (l.hasBias()) {
            int c = l.output().c();
            for (int i = 0; i < x.length; i++) {
                x[i] += w.biasAt(i % c);
            }
        }
        return activate(x, l.activation());
    }

    /** {@code f} applied to every element, in place. */
    static double[] activate(double[] x, ActivationFunction f) {
        if (f != ActivationFunction.NONE) {
            for (int i = 0; i < x.length; i++) {
                x[i] = f.apply(x[i]);
            }
        }
        return x;
    }

    /** Elementwise sum (the residual add): a new array. */
    static double[] add(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("add: " + a.length + " and " + b.length + " values");
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    /** An NHWC map times a per-channel gate (squeeze-and-excite): a new array. */
    static double[] multiplyChannels(double[] map, double[] gate, int channels) {
        if (gate.length != channels || map.length % channels != 0) {
            throw new IllegalArgumentException("multiply: map of " + map.length + " values, gate of " + gate.length
                    + ", " + channels + " channels");
        }
        double[] out = new double[map.length];
        for (int i = 0; i < map.length; i++) {
            out[i] = map[i] * gate[i % channels];
        }
        return out;
    }

    /** Grouped 2-D convolution, NHWC in and out, TF 'SAME' padding, no bias. */
    static double[] convolve(double[] in, LayerWeights w) {
        LayerSpec l = w.layer();
        Shape is = l.input();
        Shape os = l.output();
        int k = l.kernel();
        int s = l.stride();
        int groups = l.groups();
        int inC = is.c();
        int outC = os.c();
        int cinPg = inC / groups;
        int coutPg = outC / groups;
        int padTop = l.samePaddingTotal(is.h()) / 2;
        int padLeft = l.samePaddingTotal(is.w()) / 2;
        // transpose the OIHW kernel to [ky][kx][icg][o] so the inner loop runs over contiguous output channels
        double[] wt = new double[k * k * cinPg * outC];
        for (int o = 0; o < outC; o++) {
            for (int icg = 0; icg < cinPg; icg++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        wt[((ky * k + kx) * cinPg + icg) * outC + o] = w.kernelAt(((o * cinPg + icg) * k + ky) * k + kx);
                    }
                }
            }
        }
        double[] out = new double[Math.toIntExact(os.elements())];
        for (int oy = 0; oy < os.h(); oy++) {
            for (int ox = 0; ox < os.w(); ox++) {
                int obase = (oy * os.w() + ox) * outC;
                for (int ky = 0; ky < k; ky++) {
                    int iy = oy * s - padTop + ky;
                    if (iy < 0 || iy >= is.h()) {
                        continue;
                    }
                    for (int kx = 0; kx < k; kx++) {
                        int ix = ox * s - padLeft + kx;
                        if (ix < 0 || ix >= is.w()) {
                            continue;
                        }
                        int ibase = (iy * is.w() + ix) * inC;
                        for (int g = 0; g < groups; g++) {
                            for (int icg = 0; icg < cinPg; icg++) {
                                double v = in[ibase + g * cinPg + icg];
                                if (v == 0.0) {
                                    continue;
                                }
                                int wrow = ((ky * k + kx) * cinPg + icg) * outC + g * coutPg;
                                int orow = obase + g * coutPg;
                                for (int ocg = 0; ocg < coutPg; ocg++) {
                                    out[orow + ocg] += v * wt[wrow + ocg];
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Batch norm (inference form) and V1's activation, in place on an NHWC map. */
    static double[] batchNormActivation(double[] x, BatchNorm bn, Activation act) {
        return batchNormActivation(x, bn, act.function());
    }

    /** Batch norm (inference form) and the activation, in place on an NHWC map. */
    static double[] batchNormActivation(double[] x, BatchNorm bn, ActivationFunction act) {
        int c = bn.channels();
        double[] scale = new double[c];
        double[] shift = new double[c];
        for (int i = 0; i < c; i++) {
            scale[i] = bn.scale(i);
            shift[i] = bn.shift(i);
        }
        for (int i = 0; i < x.length; i++) {
            int ch = i % c;
            x[i] = act.apply(x[i] * scale[ch] + shift[ch]);
        }
        return x;
    }

    /** V1's ReLU or ReLU6. */
    public static double activate(double v, Activation act) {
        return act.function().apply(v);
    }

    static double[] globalAveragePool(double[] x, Shape in) {
        int c = in.c();
        int pixels = in.h() * in.w();
        double[] out = new double[c];
        for (int p = 0; p < pixels; p++) {
            for (int ch = 0; ch < c; ch++) {
                out[ch] += x[p * c + ch];
            }
        }
        for (int ch = 0; ch < c; ch++) {
            out[ch] /= pixels;
        }
        return out;
    }

    static double[] fullyConnected(double[] x, LayerWeights w) {
        int in = x.length;
        int out = w.layer().output().c();
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double sum = w.biasAt(o);
            int row = o * in;
            for (int i = 0; i < in; i++) {
                sum += x[i] * w.kernelAt(row + i);
            }
            y[o] = sum;
        }
        return y;
    }

    /** Numerically stable softmax (the maximum subtracted first). */
    public static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
