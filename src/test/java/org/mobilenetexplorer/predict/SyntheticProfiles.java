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

/** Device profiles whose layer times come from known formulas, for fitting tests (no benchmark runs). */
public final class SyntheticProfiles {
    private SyntheticProfiles() {
    }

    /** Known per-kind coefficients over {@link KernelFeatures#of} (constant, per MMAC, per Mactivation as it has them). */
    static final Map<KernelKey, double[]> TRUTH = new LinkedHashMap<>();

    static {
        TRUTH.put(new KernelKey(org.mobilenetexplorer.model.LayerKind.CONV, 3, 2), new double[] {0.010, 0.030, 0.40});
        TRUTH.put(new KernelKey(org.mobilenetexplorer.model.LayerKind.DEPTHWISE, 3, 1, 4), new double[] {0.004, 0.40});
        TRUTH.put(new KernelKey(org.mobilenetexplorer.model.LayerKind.DEPTHWISE, 3, 1, 1), new double[] {0.006, 2.10});
        TRUTH.put(new KernelKey(org.mobilenetexplorer.model.LayerKind.DEPTHWISE, 3, 2, 4), new double[] {0.005, 0.35});
        TRUTH.put(new KernelKey(org.mobilenetexplorer.model.LayerKind.DEPTHWISE, 3, 2, 1), new double[] {0.007, 1.90});
        TRUTH.put(new KernelKey(org.mobilenetexplorer.model.LayerKind.POINTWISE, 0, 0), new double[] {0.006, 0.012, 0.25});
        TRUTH.put(new KernelKey(org.mobilenetexplorer.model.LayerKind.AVG_POOL, 0, 0), new double[] {0.003, 0.50});
        TRUTH.put(new KernelKey(org.mobilenetexplorer.model.LayerKind.FC, 0, 0), new double[] {0.020, 0.080});
        TRUTH.put(new KernelKey(org.mobilenetexplorer.model.LayerKind.SOFTMAX, 0, 0), new double[] {0.002, 1.0});
    }

    /** Overhead: 0.15 ms + 0.8 ms per million input elements. */
    static final double[] OVERHEAD = {0.15, 0.8};

    /** The true time of {@code l}. */
    static double truth(LayerSpec l) {
        double[] c = TRUTH.get(KernelKey.of(l));
        double[] x = KernelFeatures.of(l);
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            t += c[i] * x[i];
        }
        return t;
    }

    /** The true median of {@code config}. */
    static double truth(MobileNetConfig config) {
        ArchitectureSpec spec = ArchitectureSpec.of(config);
        double t = OVERHEAD[0] + OVERHEAD[1] * spec.input().elements() / 1e6;
        for (LayerSpec l : spec.layers()) {
            t += truth(l);
        }
        return t;
    }

    /** A profile of {@code grid}, layer times from {@link #TRUTH} times (1 + noise x uniform(-1, 1)). */
    public static DeviceProfile profile(CalibrationGrid grid, double noise, long seed) {
        return profile(grid, noise, seed, l -> truth(l));
    }

    static DeviceProfile profile(CalibrationGrid grid, double noise, long seed, ToDoubleFunction<LayerSpec> time) {
        Random rnd = new Random(seed);
        List<NetworkMeasurement> networks = new ArrayList<>();
        for (MobileNetConfig c : grid.configs()) {
            ArchitectureSpec spec = ArchitectureSpec.of(c);
            List<LayerMeasurement> layers = new ArrayList<>();
            double sum = 0;
            for (LayerSpec l : spec.layers()) {
                double t = time.applyAsDouble(l) * (1 + noise * (2 * rnd.nextDouble() - 1));
                layers.add(new LayerMeasurement(l.name(), t));
                sum += t;
            }
            double median = sum + (OVERHEAD[0] + OVERHEAD[1] * spec.input().elements() / 1e6)
                    * (1 + noise * (2 * rnd.nextDouble() - 1));
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
