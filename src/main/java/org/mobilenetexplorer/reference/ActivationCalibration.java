package org.mobilenetexplorer.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.mobilenetexplorer.model.ActivationFunction;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.NetworkStats;

/**
 * Static activation ranges for INT8 quantization, calibrated with the reference forward pass (double precision):
 * the <b>min/max</b> of every spec layer's output over a fixed number of generated images
 * ({@link InputGenerator}, seeds {@code seed, seed + 1, ...}; default {@value #DEFAULT_SEED}, apart from the
 * benchmark's and verify's input seeds): {@value #DEFAULT_IMAGES} images, fewer for large networks so that the
 * whole calibration stays within {@value #MAC_BUDGET} multiply-accumulates, but never fewer than
 * {@value #MIN_IMAGES} ({@link #imagesFor}: 1.0-224 gets 4, 0.75-224 gets 7, 0.75-192 and smaller get 8). Every
 * convolution with an activation also gets the min/max of its values before the activation (V3's h-swish is
 * quantized from there). Min/max rather than a percentile: with ReLU6 the upper end is bounded by 6
 * anyway, and the saturation a percentile buys on 8 random images was not worth its arbitrariness.
 *
 * <p>Deterministic (the same weights, images and seed give the same ranges, whatever the thread count: min and max
 * do not depend on order) and bounded in time: {@code images} reference passes, run on up to all cores (1.0-224 takes
 * about a second per image on one core; 0.25-128 a few tens of milliseconds).
 */
public final class ActivationCalibration {
    /** Images per calibration (at most). */
    public static final int DEFAULT_IMAGES = 8;
    /** Images per calibration (at least). */
    public static final int MIN_IMAGES = 4;
    /** Reference-pass MACs a calibration may spend before it uses fewer images (about 4 s on one core). */
    public static final long MAC_BUDGET = 2_500_000_000L;
    /** First image seed of a calibration. */
    public static final long DEFAULT_SEED = 1000;
    /** The method, as recorded in the exported model's metadata. */
    public static final String METHOD = "min/max";

    private ActivationCalibration() {
    }

    /**
     * A closed range of real values.
     *
     * @param min smallest value seen
     * @param max largest value seen
     */
    public record Range(double min, double max) {
        public Range {
            if (!(min <= max)) {
                throw new IllegalArgumentException("range [" + min + ", " + max + "]: min must be <= max");
            }
        }

        Range union(Range o) {
            return new Range(Math.min(min, o.min), Math.max(max, o.max));
        }
    }

    /**
     * The calibrated ranges.
     *
     * @param byLayer       the output range of every spec layer, by layer name, in execution order (the input as
     *                      {@link #INPUT})
     * @param preActivation the range before the activation (after batch norm or bias) of every convolution with an
     *                      activation, by layer name: what a h-swish is computed from
     * @param images        images used
     * @param seed          first image seed
     */
    public record Ranges(Map<String, Range> byLayer, Map<String, Range> preActivation, int images, long seed) {
        /** Key of the network input's range. */
        public static final String INPUT = "input";

        public Ranges {
            byLayer = Collections.unmodifiableMap(new LinkedHashMap<>(byLayer));
            preActivation = Collections.unmodifiableMap(new LinkedHashMap<>(preActivation));
        }

        /** The range of {@code layer}'s values before its activation, or an exception naming it. */
        public Range beforeActivation(String layer) {
            Range r = preActivation.get(layer);
            if (r == null) {
                throw new IllegalArgumentException("layer " + layer + ": no pre-activation range calibrated");
            }
            return r;
        }

        /** The output range of {@code layer}, or an exception naming it. */
        public Range of(String layer) {
            Range r = byLayer.get(layer);
            if (r == null) {
                throw new IllegalArgumentException("layer " + layer + ": not calibrated");
            }
            return r;
        }
    }

    /** Calibrates with {@link #imagesFor} images from {@link #DEFAULT_SEED}. */
    public static Ranges calibrate(NetworkWeights weights) {
        return calibrate(weights, imagesFor(weights.spec()), DEFAULT_SEED);
    }

    /**
     * The number of calibration images of {@code spec}: {@value #DEFAULT_IMAGES} within {@value #MAC_BUDGET} MACs in
     * all, fewer for large networks, at least {@value #MIN_IMAGES}.
     */
    public static int imagesFor(ArchitectureSpec spec) {
        long macs = Math.max(1, NetworkStats.of(spec).totals().macs());
        return (int) Math.max(MIN_IMAGES, Math.min(DEFAULT_IMAGES, MAC_BUDGET / macs));
    }

    /** Runs the reference pass on {@code images} generated images and keeps every layer's min and max. */
    public static Ranges calibrate(NetworkWeights weights, int images, long seed) {
        if (images < 1) {
            throw new IllegalArgumentException("calibration images = " + images + ": must be >= 1");
        }
        ArchitectureSpec spec = weights.spec();
        ReferenceForwardPass pass = new ReferenceForwardPass(weights);
        Observed merged = IntStream.range(0, images).parallel()
                .mapToObj(i -> one(spec, pass, InputGenerator.generate(spec, 1, seed + i)))
                .reduce((a, b) -> new Observed(union(a.outputs(), b.outputs()), union(a.before(), b.before())))
                .orElseThrow();
        return new Ranges(merged.outputs(), merged.before(), images, seed);
    }

    /** One image's (or several images' merged) output and pre-activation ranges. */
    private record Observed(Map<String, Range> outputs, Map<String, Range> before) {
    }

    private static Observed one(ArchitectureSpec spec, ReferenceForwardPass pass, float[] image) {
        Map<String, Range> m = new LinkedHashMap<>();
        Map<String, Range> before = new LinkedHashMap<>();
        m.put(Ranges.INPUT, rangeOf(image));
        List<LayerOutput> outs = pass.runAllLayers(image, (l, v) -> {
            if (l.activation() != ActivationFunction.NONE) {
                before.put(l.name(), rangeOf(v));
            }
        });
        for (int i = 0; i < outs.size(); i++) {
            m.put(spec.layers().get(i).name(), rangeOf(outs.get(i).values()));
        }
        return new Observed(m, before);
    }

    private static Range rangeOf(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return new Range(lo, hi);
    }

    private static Range rangeOf(float[] image) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float x : image) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return new Range(lo, hi);
    }

    private static Map<String, Range> union(Map<String, Range> a, Map<String, Range> b) {
        Map<String, Range> m = new LinkedHashMap<>(a);
        b.forEach((k, r) -> m.merge(k, r, Range::union));
        return m;
    }
}
