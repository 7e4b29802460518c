package org.mobilenetexplorer.predict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * A fitted predictor for one device profile. Immutable and thread-safe; {@link #predict} is pure arithmetic on the
 * configuration's layer list (microseconds).
 */
public final class LatencyModel {
    /** A kernel fit with the indices of the features it kept. */
    record Fitted(KernelFit fit, int[] used, int[] unseen) {
        /** True when {@code x} has a feature the calibration never saw (all-zero column), e.g. h-swish. */
        boolean lacks(double[] x) {
            for (int j : unseen) {
                if (x[j] != 0) {
                    return true;
                }
            }
            return false;
        }

        /** The name of the first unseen feature {@code x} has. */
        String lacking(double[] x) {
            for (int j : unseen) {
                if (x[j] != 0) {
                    return KernelFeatures.names(fit.key()).get(j);
                }
            }
            return "";
        }
    }

    /**
     * How well the model predicted one calibration network it was not fitted on (leave-one-network-out).
     *
     * @param config       the calibration configuration
     * @param measuredMs   its measured median
     * @param predictedMs  predicted by a model fitted on the other networks
     * @param errorPercent (predicted - measured) / measured x 100
     */
    public record CalibrationError(MobileNetConfig config, double measuredMs, double predictedMs,
                                   double errorPercent) {
    }

    /** Names of the overhead regression's features, in coefficient order. */
    public static final List<String> OVERHEAD_FEATURES = List.of("1", "layerSumMs", "MinputElements", "layers");

    private final DeviceProfile profile;
    private final Map<KernelKey, Fitted> kernels;
    private final double[] overhead;
    private final double bandPercent;
    private final Map<Family, Double> familyBands;
    private final List<CalibrationError> calibrationErrors;

    LatencyModel(DeviceProfile profile, Map<KernelKey, Fitted> kernels, double[] overhead, double bandPercent,
                 Map<Family, Double> familyBands, List<CalibrationError> calibrationErrors) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.kernels = Collections.unmodifiableMap(new TreeMap<>(kernels));
        this.overhead = overhead.clone();
        this.bandPercent = bandPercent;
        Map<Family, Double> bands = new EnumMap<>(Family.class);
        bands.putAll(familyBands);
        this.familyBands = Collections.unmodifiableMap(bands);
        this.calibrationErrors = List.copyOf(calibrationErrors);
    }

    /** The profile this model was fitted on. */
    public DeviceProfile profile() {
        return profile;
    }

    /** The kernel fits, by key. */
    public List<KernelFit> kernelFits() {
        return kernels.values().stream().map(Fitted::fit).toList();
    }

    /** The kernel kinds this model can predict. */
    public List<KernelKey> kernelKeys() {
        return List.copyOf(kernels.keySet());
    }

    /**
     * Overhead coefficients for {@link #OVERHEAD_FEATURES}: ms, ms per ms of predicted layer sum, ms per million
     * input elements, ms per layer.
     */
    public double[] overheadCoefficients() {
        return overhead.clone();
    }

    /**
     * The band's half-width in percent: the 90th percentile of the absolute leave-one-network-out errors over the
     * calibration networks (each predicted by a model fitted without it), so about 9 in 10 of them fell inside.
     */
    public double bandPercent() {
        return bandPercent;
    }

    /**
     * The band of {@code family}'s predictions: the 90th percentile of its own calibration networks'
     * leave-one-network-out errors when it has enough of them, else {@link #bandPercent()}.
     */
    public double bandPercent(Family family) {
        return familyBands.getOrDefault(family, bandPercent);
    }

    /** The leave-one-network-out errors the band comes from, in grid order. */
    public List<CalibrationError> calibrationErrors() {
        return calibrationErrors;
    }

    /**
     * Predicts {@code config}; refuses it when the profile lacks one of its kernel kinds
     * ({@link MissingCalibrationException}) or the fit gives a latency of zero or less.
     */
    public Prediction predict(MobileNetConfig config) throws PredictionRefusedException {
        return predict(ArchitectureSpec.of(config));
    }

    /** Predicts an already built spec; refuses it as {@link #predict(MobileNetConfig)} does. */
    public Prediction predict(ArchitectureSpec spec) throws PredictionRefusedException {
        List<LayerPrediction> rows = new ArrayList<>(spec.layers().size());
        TreeMap<KernelKey, String> missing = null;
        double sum = 0;
        for (LayerSpec l : spec.layers()) {
            KernelKey key = KernelKey.of(l);
            Fitted f = kernels.get(key);
            double[] x = KernelFeatures.of(l);
            if (f == null || f.lacks(x)) {
                if (missing == null) {
                    missing = new TreeMap<>();
                }
                missing.putIfAbsent(key, f == null ? "" : f.lacking(x));
                continue;
            }
            double t = f.fit().predict(x, f.used());
            sum += t;
            rows.add(new LayerPrediction(l.index(), l.name(), l.kind(), key.id(), CostModel.macs(l), t));
        }
        if (missing != null) {
            throw new MissingCalibrationException(spec.config(), missing);
        }
        double over = overhead(overhead, spec, sum);
        double total = sum + over;
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new PredictionRefusedException(String.format(java.util.Locale.ROOT, "%s: the profile's fit gives "
                    + "%.3f ms (layers %.3f + overhead %.3f), which no latency can be: the calibration was dominated "
                    + "by other processes (band +-%.0f%%); calibrate again on a quiet machine", spec.config().label(),
                    total, sum, over, bandPercent));
        }
        // a latency cannot be negative: a band wider than 100% (a calibration on a saturated machine) stops at 0
        double band = bandPercent(spec.config().family());
        return new Prediction(spec.config(), total, Math.max(0, total * (1 - band / 100)), total * (1 + band / 100),
                band, sum, over, profile.grid().covers(spec.config()), rows);
    }

    static double[] overheadFeatures(ArchitectureSpec spec, double layerSumMs) {
        return new double[] {1, layerSumMs, spec.input().elements() / 1e6, spec.layers().size()};
    }

    static double overhead(double[] coefficients, ArchitectureSpec spec, double layerSumMs) {
        double[] x = overheadFeatures(spec, layerSumMs);
        double t = 0;
        for (int i = 0; i < coefficients.length; i++) {
            t += coefficients[i] * x[i];
        }
        return t;
    }
}
