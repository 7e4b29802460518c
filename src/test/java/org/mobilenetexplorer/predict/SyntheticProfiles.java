package org.mobilenetexplorer.predict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * Device profiles whose layer times come from known formulas, for fitting tests (no benchmark runs). The formulas
 * are written here from the layers' shapes, independently of {@link KernelFeatures}, and include the effect the
 * predictor must recover: a blocked kernel computes the channels rounded up to 16 (an input of fewer than 16 channels
 * is read as it is), and a convolution whose channels
 * are not a multiple of 16 runs a kernel that is {@link #slowdown(int)} times slower per multiply-add.
 */
public final class SyntheticProfiles {
    private SyntheticProfiles() {
    }

    /** Per-MAC slowdown of a convolution by its channel alignment (1, 2, 4, 8, 16). */
    static double slowdown(int alignment) {
        return switch (alignment) {
            case 16 -> 1.0;
            case 8 -> 1.2;
            case 4 -> 1.5;
            case 2 -> 3.0;
            default -> 5.0;
        };
    }

    /** ms per million padded MACs of each convolution kind at alignment 16. */
    static final double CONV_PER_MMAC = 0.030;
    static final double POINTWISE_PER_MMAC = 0.012;
    static final double DEPTHWISE_PER_MMAC = 0.40;
    static final double SE_PER_MMAC = 0.02;
    /** ms per million output elements of a hard-swish or hard-sigmoid after a convolution. */
    static final double HARD_PER_MELEMENT = 0.3;

    /**
     * Overhead: 0.15 ms + 5% of the layer sum + 0.8 ms per million input elements + 2 us per layer
     * ({@link LatencyModel#OVERHEAD_FEATURES}).
     */
    static final double[] OVERHEAD = {0.15, 0.05, 0.8, 0.002};

    private static long pad(int c) {
        return (c + 15) / 16 * 16;
    }

    private static int alignment(int c) {
        int a = 1;
        while (a < 16 && c % (2 * a) == 0) {
            a *= 2;
        }
        return a;
    }

    /** The true time of {@code l}, ms. */
    static double truth(LayerSpec l) {
        double out = l.output().elements() / 1e6;
        double in = l.input().elements() / 1e6;
        double map = (double) l.output().h() * l.output().w() * l.kernel() * l.kernel() / 1e6;
        int cin = l.input().c();
        double slow = slowdown(alignment(cin));
        double hard = switch (l.activation()) {
            case HARD_SWISH, HARD_SIGMOID -> HARD_PER_MELEMENT * out;
            case NONE, RELU, RELU6 -> 0;
        };
        return switch (l.kind()) {
            case CONV -> 0.010 + CONV_PER_MMAC * slow * map * (cin < 16 ? cin : pad(cin)) * pad(l.output().c())
                    + 0.40 * (in + out) + hard;
            case POINTWISE -> 0.006 + POINTWISE_PER_MMAC * slow * map * (cin < 16 ? cin : pad(cin)) * pad(l.output().c())
                    + 0.25 * (in + out) + hard;
            case DEPTHWISE -> (l.stride() == 1 ? 0.004 : 0.005) + DEPTHWISE_PER_MMAC * slow
                    * (l.kernel() == 5 ? 0.8 : 1.0) * (l.stride() == 1 ? 1.0 : 0.9) * map * pad(cin) + hard;
            case SE_CONV -> 0.005 + SE_PER_MMAC * slow * map * (cin < 16 ? cin : pad(cin)) * pad(l.output().c())
                    + hard;
            case AVG_POOL -> 0.003 + 0.50 * (in + out);
            case FC -> 0.020 + 0.080 * (double) cin * l.output().c() / 1e6;
            case SOFTMAX -> 0.002 + 1.0 * (in + out);
            case ADD -> 0.002 + 0.3 * (2 * in + out);
            case MULTIPLY -> 0.003 + 0.4 * (2 * in + out);
        };
    }

    /** The true median of {@code config}. */
    static double truth(MobileNetConfig config) {
        ArchitectureSpec spec = ArchitectureSpec.of(config);
        double sum = 0;
        for (LayerSpec l : spec.layers()) {
            sum += truth(l);
        }
        return sum + overhead(spec, sum);
    }

    private static double overhead(ArchitectureSpec spec, double sum) {
        return OVERHEAD[0] + OVERHEAD[1] * sum + OVERHEAD[2] * spec.input().elements() / 1e6
                + OVERHEAD[3] * spec.layers().size();
    }

    /** A profile of {@code grid}, layer times from {@link #truth(LayerSpec)} times (1 + noise x uniform(-1, 1)). */
    public static DeviceProfile profile(CalibrationGrid grid, double noise, long seed) {
        return profile(grid, noise, seed, SyntheticProfiles::truth);
    }

    static DeviceProfile profile(CalibrationGrid grid, double noise, long seed, ToDoubleFunction<LayerSpec> time) {
        Random rnd = new Random(seed);
        List<NetworkMeasurement> networks = new ArrayList<>();
        for (MobileNetConfig c : grid.configs()) {
            ArchitectureSpec spec = ArchitectureSpec.of(c);
            List<LayerMeasurement> layers = new ArrayList<>();
            double sum = 0;
            double trueSum = 0;
            for (LayerSpec l : spec.layers()) {
                double exact = time.applyAsDouble(l);
                double t = exact * (1 + noise * (2 * rnd.nextDouble() - 1));
                layers.add(new LayerMeasurement(l.name(), t));
                sum += t;
                trueSum += exact;
            }
            double median = (trueSum + overhead(spec, trueSum)) * (1 + noise * (2 * rnd.nextDouble() - 1));
            networks.add(new NetworkMeasurement(c, "synthetic-" + c.label(), median, List.of(median, median),
                    layers, List.of()));
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("cpuModel", "Synthetic CPU");
        env.put("logicalCores", "2");
        return new DeviceProfile(DeviceProfile.FORMAT, DeviceProfile.SCHEMA_VERSION, "onnxruntime", "fp32",
                "2026-11-30T09:00:00Z", env, Calibrator.PROTOCOL, grid, 1.5, 0.2, networks);
    }
}
