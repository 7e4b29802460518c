package org.mobilenetexplorer.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * Deterministic seeded weights of a whole network, generated from its {@link ArchitectureSpec}: every backend
 * calls {@link #generate(ArchitectureSpec, long)} with the same seed and gets identical values.
 *
 * <p>Distributions (chosen to give realistic activation scales through 27 convolutions, not to be "trained"):
 * <ul>
 *   <li>convolution kernels: He-normal, N(0, 2 / fan_in) with fan_in = in-channels per group x k x k;</li>
 *   <li>batch norm: gamma ~ U(0.8, 1.2), beta ~ U(-0.1, 0.1), moving mean ~ U(-0.1, 0.1),
 *       moving variance log-uniform in [0.67, 1.49] (E[1/variance] close to 1, so a ReLU network neither grows
 *       nor shrinks its activations much over 27 layers), epsilon 0.001;</li>
 *   <li>FC: N(0, ({@value #FC_GAIN} / sqrt(fan_in))^2), bias ~ U(-0.1, 0.1). The gain makes the softmax peak like a
 *       trained classifier's (top-1 probability of a few tenths rather than 1/classes), so a comparison of
 *       softmax outputs is meaningful.</li>
 * </ul>
 * Each layer draws from its own generator seeded by (seed, layer index), so a layer's weights do not depend on the
 * others. Layout of the arrays: see {@link LayerWeights}.
 */
public final class NetworkWeights {

    /** Scale of the FC weights relative to 1 / sqrt(fan_in). */
    public static final double FC_GAIN = 8.0;

    /** Half-width of the log-uniform moving-variance range: variance in [e^-0.4, e^0.4] = [0.67, 1.49]. */
    public static final double VARIANCE_LOG_RANGE = 0.4;

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
        Map<String, LayerWeights> map = new LinkedHashMap<>();
        for (LayerSpec l : spec.layers()) {
            if (LayerWeights.hasWeights(l.kind())) {
                map.put(l.name(), generateLayer(l, seed));
            }
        }
        return new NetworkWeights(spec, seed, map);
    }

    private static LayerWeights generateLayer(LayerSpec l, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (l.index() + 1)));
        int n = Math.toIntExact(LayerWeights.kernelLength(l));
        int out = l.output().c();
        float[] kernel = new float[n];
        int fanIn = n / out;
        double std = switch (l.kind()) {
            case CONV, DEPTHWISE, POINTWISE -> Math.sqrt(2.0 / fanIn);
            case FC -> FC_GAIN / Math.sqrt(fanIn);
            case AVG_POOL, SOFTMAX -> throw new IllegalArgumentException("layer " + l.name() + " has no weights");
        };
        for (int i = 0; i < n; i++) {
            kernel[i] = (float) (rnd.nextGaussian() * std);
        }
        if (l.hasBias()) {
            return new LayerWeights(l, kernel, uniform(rnd, out, -0.1, 0.1), null);
        }
        BatchNorm bn = new BatchNorm(uniform(rnd, out, 0.8, 1.2), uniform(rnd, out, -0.1, 0.1),
                uniform(rnd, out, -0.1, 0.1), logUniform(rnd, out, VARIANCE_LOG_RANGE), BatchNorm.EPSILON);
        return new LayerWeights(l, kernel, null, bn);
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
