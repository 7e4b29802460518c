package org.mobilenetexplorer.reference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.mobilenetexplorer.model.ActivationFunction;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * Deterministic seeded weights of a whole network, generated from its {@link ArchitectureSpec}: every backend
 * calls {@link #generate(ArchitectureSpec, long)} with the same seed and gets identical values.
 *
 * <p>Distributions (chosen to give realistic activation scales through the network's depth, not to be "trained"):
 * <ul>
 *   <li>convolution kernels: He-normal, N(0, gain / fan_in) with fan_in = in-channels per group x k x k and gain 2
 *       before ReLU and ReLU6 (which pass about half their input's energy), 3 before h-swish, 1 before a linear
 *       output or hard-sigmoid (V2/V3's projections, squeeze-and-excite's gate), times {@value #SE_GATE_GAIN} for the
 *       convolution that reads a squeeze-and-excite product (the gate, near 0.5, takes three quarters of the energy);
 *       </li>
 *   <li>batch norm: gamma ~ U(0.8, 1.2), beta ~ U(-0.1, 0.1), moving mean ~ U(-0.1, 0.1),
 *       moving variance log-uniform in [0.67, 1.49] (E[1/variance] close to 1, so a ReLU network neither grows
 *       nor shrinks its activations much over its depth), epsilon 0.001;</li>
 *   <li>residual branches: the projection whose output a residual add reads has gamma scaled by
 *       {@value #RESIDUAL_GAMMA} (U(0.24, 0.36)), in the spirit of zero-init-residual practice: every add would
 *       otherwise double the variance of the map (V2 has 10 adds in a row of stages, 2^10), saturating ReLU6; scaled,
 *       the branch adds about a tenth of the variance, so the scale stays within a small factor over the network while
 *       every branch still changes the output (gamma 0 would hide a wrong branch from a comparison);</li>
 *   <li>biases (FC, squeeze-and-excite's convolutions, V3's last 1 x 1 convolution) ~ U(-0.1, 0.1);</li>
 *   <li>FC: N(0, ({@value #FC_GAIN} / sqrt(fan_in))^2). The gain makes the softmax peak like a trained classifier's
 *       (top-1 probability of a few tenths rather than 1/classes), so a comparison of softmax outputs is
 *       meaningful. V3's features come out of h-swish at a smaller scale (pooled RMS about 0.1-0.3 where V1's is
 *       0.35 and V2's 0.7), so there the gain is {@value #FC_GAIN_HARD_SWISH}.</li>
 * </ul>
 * Each layer draws from its own generator seeded by (seed, layer index), so a layer's weights do not depend on the
 * others. V1's weights are what they were before families existed (same seeds, same draws). Layout of the arrays:
 * see {@link LayerWeights}.
 */
public final class NetworkWeights {

    /** Scale of the FC weights relative to 1 / sqrt(fan_in) (features from ReLU or ReLU6: V1, V2, minimalistic V3). */
    public static final double FC_GAIN = 8.0;

    /** Scale of the FC weights when the pooled features come out of h-swish (V3 but minimalistic). */
    public static final double FC_GAIN_HARD_SWISH = 24.0;

    /** Half-width of the log-uniform moving-variance range: variance in [e^-0.4, e^0.4] = [0.67, 1.49]. */
    public static final double VARIANCE_LOG_RANGE = 0.4;

    /**
     * Extra gain of a convolution that reads a squeeze-and-excite product: the hard-sigmoid gate sits near 0.5,
     * halving the map, so the energy lost (a factor of about 4) is given back by the next convolution.
     */
    public static final double SE_GATE_GAIN = 2.5;

    /** Scale of the batch-norm gamma of a projection that feeds a residual add. */
    public static final double RESIDUAL_GAMMA = 0.3;

    private final ArchitectureSpec spec;
    private final long seed;
    private final Map<String, LayerWeights> byName;

    private NetworkWeights(ArchitectureSpec spec, long seed, Map<String, LayerWeights> byName) {
        this.spec = spec;
        this.seed = seed;
        this.byName = byName;
    }

    /** Generates the weights of every layer of {@code spec} from {@code seed}. */
    public static NetworkWeights generate(ArchitectureSpec spec, long seed) {
        Set<Integer> residualBranches = new HashSet<>();
        Set<Integer> gated = new HashSet<>();
        for (LayerSpec l : spec.layers()) {
            if (l.kind() == LayerKind.ADD) {
                residualBranches.add(l.inputs().get(0));
            }
            if (l.kind() == LayerKind.MULTIPLY) {
                gated.add(l.index());
            }
        }
        // the classifier's gain follows the function its features come out of (the last convolution's)
        double fcGain = FC_GAIN;
        for (LayerSpec l : spec.layers()) {
            if (l.kind().isConvolution()) {
                fcGain = l.activation() == ActivationFunction.HARD_SWISH ? FC_GAIN_HARD_SWISH : FC_GAIN;
            }
        }
        Map<String, LayerWeights> map = new LinkedHashMap<>();
        for (LayerSpec l : spec.layers()) {
            if (LayerWeights.hasWeights(l.kind())) {
                double g = gain(l.activation()) * (gated.contains(l.inputIndex()) ? SE_GATE_GAIN : 1.0);
                map.put(l.name(), generateLayer(l, seed, g, residualBranches.contains(l.index()), fcGain));
            }
        }
        return new NetworkWeights(spec, seed, map);
    }

    private static LayerWeights generateLayer(LayerSpec l, long seed, double gain, boolean residualBranch,
            double fcGain) {
        SplittableRandom rnd = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (l.index() + 1)));
        int n = Math.toIntExact(LayerWeights.kernelLength(l));
        int out = l.output().c();
        float[] kernel = new float[n];
        int fanIn = n / out;
        double std = switch (l.kind()) {
            case CONV, DEPTHWISE, POINTWISE, SE_CONV -> Math.sqrt(gain / fanIn);
            case FC -> fcGain / Math.sqrt(fanIn);
            case AVG_POOL, SOFTMAX, ADD, MULTIPLY -> throw new IllegalArgumentException("layer " + l.name()
                    + " has no weights");
        };
        for (int i = 0; i < n; i++) {
            kernel[i] = (float) (rnd.nextGaussian() * std);
        }
        float[] bias = l.hasBias() ? uniform(rnd, out, -0.1, 0.1) : null;
        BatchNorm bn = null;
        if (l.hasBatchNorm()) {
            double g = residualBranch ? RESIDUAL_GAMMA : 1.0;
            bn = new BatchNorm(uniform(rnd, out, 0.8 * g, 1.2 * g), uniform(rnd, out, -0.1, 0.1),
                    uniform(rnd, out, -0.1, 0.1), logUniform(rnd, out, VARIANCE_LOG_RANGE), BatchNorm.EPSILON);
        }
        return new LayerWeights(l, kernel, bias, bn);
    }

    /**
     * He's gain for a convolution followed by {@code f}: 2 before ReLU and ReLU6 (they pass half the energy of a
     * centred input), 3 before h-swish (near 0 it is x / 2 + x^2 / 6, passing about a quarter of the energy; for
     * large inputs it is ReLU: 3 keeps V3's h-swish stages between the two), 1 before a linear output or hard-sigmoid.
     */
    private static double gain(ActivationFunction f) {
        return switch (f) {
            case RELU, RELU6 -> 2.0;
            case HARD_SWISH -> 2.5;
            case NONE, HARD_SIGMOID -> 1.0;
        };
    }

    /** Moving variance = exp(U(-r, r)): E[1 / variance] = sinh(r) / r stays near 1, so ReLU networks keep their scale. */
    private static float[] logUniform(SplittableRandom rnd, int n, double r) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) Math.exp(rnd.nextDouble(-r, r));
        }
        return a;
    }

    private static float[] uniform(SplittableRandom rnd, int n, double lo, double hi) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextDouble(lo, hi);
        }
        return a;
    }

    public ArchitectureSpec spec() {
        return spec;
    }

    public long seed() {
        return seed;
    }

    /** The weights of the layer named {@code name}, or an exception naming it. */
    public LayerWeights layer(String name) {
        LayerWeights w = byName.get(name);
        if (w == null) {
            throw new IllegalArgumentException("layer " + name + ": no weights (not a convolution or FC layer of "
                    + spec.config().label() + ")");
        }
        return w;
    }

    /** The weights of {@code layer}. */
    public LayerWeights layer(LayerSpec layer) {
        return layer(layer.name());
    }

    /** All layers with weights, in execution order. */
    public List<LayerWeights> layers() {
        return new ArrayList<>(byName.values());
    }
}
