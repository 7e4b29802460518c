package org.mobilenetexplorer.predict;

import java.util.List;
import java.util.Objects;

/**
 * The fitted regression of one kernel kind: time = coefficients . features ({@link KernelFeatures}).
 *
 * @param key          the kernel kind
 * @param features     feature names, in coefficient order (a feature dropped because the calibration grid cannot
 *                     tell it apart from the others is absent)
 * @param coefficients ms per unit of each feature
 * @param samples      layer measurements it was fitted on
 * @param rmsPercent   root-mean-square relative residual of those measurements, %
 */
public record KernelFit(KernelKey key, List<String> features, double[] coefficients, int samples,
                        double rmsPercent) {
    public KernelFit {
        Objects.requireNonNull(key, "key");
        features = List.copyOf(features);
        coefficients = coefficients.clone();
        if (features.size() != coefficients.length) {
            throw new IllegalArgumentException(key + ": " + features.size() + " features but "
                    + coefficients.length + " coefficients");
        }
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The predicted time of a layer with features {@code all} (every feature of {@link KernelFeatures#of}). */
    double predict(double[] all, int[] used) {
        double t = 0;
        for (int i = 0; i < used.length; i++) {
            t += coefficients[i] * all[used[i]];
        }
        return t;
    }
}
