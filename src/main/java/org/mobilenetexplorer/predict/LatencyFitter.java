package org.mobilenetexplorer.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * Fits a {@link LatencyModel} on a {@link DeviceProfile} (docs/decisions/010-latency-predictor.md):
 * <ol>
 *   <li>per kernel kind ({@link KernelKey}), least squares of the layers' profile medians on their
 *       {@link KernelFeatures}, each row weighted by 1 / measured time (between absolute least squares, which
 *       ignores small layers, and relative least squares, which lets the noisiest microsecond layers steer);
 *       a feature the grid cannot tell apart from the others (the QR decomposition finds the design singular) is
 *       dropped, last first;</li>
 *   <li>the per-network overhead: least squares of (network median - sum of its measured layer medians) on a
 *       constant and the input size ({@link LatencyModel#OVERHEAD_FEATURES});</li>
 *   <li>the band: every calibration network predicted by a model fitted without it; the 90th percentile of the
 *       absolute relative errors.</li>
 * </ol>
 * Ordinary least squares through Apache Commons Math ({@link OLSMultipleLinearRegression}, QR decomposition; a
 * singular design raises its SingularMatrixException).
 */
public final class LatencyFitter {
    /** Below this |R_ii| the QR decomposition calls the design singular. */
    static final double SINGULARITY_THRESHOLD = 1e-9;
    /** The band's percentile of absolute leave-one-network-out errors. */
    static final double BAND_PERCENTILE = 0.90;

    private LatencyFitter() {
    }

    /** One layer measurement with its features. */
    private record Row(double[] x, double y) {
    }

    /** Fits the model on every network of {@code profile}. */
    public static LatencyModel fit(DeviceProfile profile) {
        List<NetworkMeasurement> all = profile.networks();
        List<ArchitectureSpec> specs = all.stream().map(n -> ArchitectureSpec.of(n.config())).toList();
        Map<KernelKey, LatencyModel.Fitted> kernels = fitKernels(all, specs, -1);
        double[] overhead = fitOverhead(all, specs, -1);

        List<LatencyModel.CalibrationError> errors = new ArrayList<>();
        if (all.size() >= 3) {
            for (int i = 0; i < all.size(); i++) {
                Map<KernelKey, LatencyModel.Fitted> k = fitKernels(all, specs, i);
                double[] o = fitOverhead(all, specs, i);
                double predicted = predict(k, o, specs.get(i));
                NetworkMeasurement n = all.get(i);
                if (Double.isNaN(predicted)) {
                    continue; // its kernel kinds occur in no other network: nothing to learn them from
                }
                errors.add(new LatencyModel.CalibrationError(n.config(), n.medianMs(), predicted,
                        (predicted - n.medianMs()) / n.medianMs() * 100));
            }
        }
        double band = errors.isEmpty() ? Double.NaN
                : percentile(errors.stream().mapToDouble(e -> Math.abs(e.errorPercent())).toArray(),
                BAND_PERCENTILE);
        return new LatencyModel(profile, kernels, overhead, band, errors);
    }

    private static double predict(Map<KernelKey, LatencyModel.Fitted> kernels, double[] overhead,
                                  ArchitectureSpec spec) {
        double t = LatencyModel.overhead(overhead, spec);
        for (LayerSpec l : spec.layers()) {
            LatencyModel.Fitted f = kernels.get(KernelKey.of(l));
            if (f == null) {
                return Double.NaN;
            }
            t += f.fit().predict(KernelFeatures.of(l), f.used());
        }
        return t;
    }

    /** Kernel fits on every network except {@code leaveOut} (-1 = none). */
    private static Map<KernelKey, LatencyModel.Fitted> fitKernels(List<NetworkMeasurement> networks,
                                                                  List<ArchitectureSpec> specs, int leaveOut) {
        Map<KernelKey, List<Row>> rows = new TreeMap<>();
        for (int i = 0; i < networks.size(); i++) {
            if (i == leaveOut) {
                continue;
            }
            ArchitectureSpec spec = specs.get(i);
            for (LayerMeasurement m : networks.get(i).layers()) {
                LayerSpec l = spec.layer(m.layer());
                rows.computeIfAbsent(KernelKey.of(l), k -> new ArrayList<>())
                        .add(new Row(KernelFeatures.of(l), m.medianMs()));
            }
        }
        Map<KernelKey, LatencyModel.Fitted> out = new HashMap<>();
        rows.forEach((key, r) -> out.put(key, fitKernel(key, r)));
        return out;
    }

    private static LatencyModel.Fitted fitKernel(KernelKey key, List<Row> rows) {
        List<String> names = KernelFeatures.names(key);
        double[] y = new double[rows.size()];
        double[] w = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            y[i] = rows.get(i).y();
            // weight 1/y (rows scaled by 1/sqrt(y)); a zero-time layer (below the profiler's 1 us resolution)
            // weighs as a 1 us layer
            w[i] = 1 / Math.max(y[i], 1e-3);
        }
        for (int p = names.size(); p >= 1; p--) {
            int[] used = new int[p];
            for (int j = 0; j < p; j++) {
                used[j] = j;
            }
            double[][] x = new double[rows.size()][p];
            for (int i = 0; i < rows.size(); i++) {
                for (int j = 0; j < p; j++) {
                    x[i][j] = rows.get(i).x()[j];
                }
            }
            double[] beta = leastSquares(x, y, w);
            if (beta != null) {
                KernelFit fit = new KernelFit(key, names.subList(0, p), beta, rows.size(),
                        rmsRelative(x, y, beta));
                return new LatencyModel.Fitted(fit, used);
            }
        }
        // a single measurement cannot even fit a constant with a residual: use it as the constant
        double mean = Arrays.stream(y).average().orElse(0);
        return new LatencyModel.Fitted(new KernelFit(key, names.subList(0, 1), new double[] {mean}, rows.size(),
                Double.NaN), new int[] {0});
    }

    /** Overhead fit on every network except {@code leaveOut} (-1 = none). */
    private static double[] fitOverhead(List<NetworkMeasurement> networks, List<ArchitectureSpec> specs,
                                        int leaveOut) {
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            if (i == leaveOut) {
                continue;
            }
            NetworkMeasurement n = networks.get(i);
            xs.add(LatencyModel.overheadFeatures(specs.get(i)));
            ys.add(n.medianMs() - n.layerSumMs());
        }
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double[] w = new double[y.length];
        Arrays.fill(w, 1);
        int features = LatencyModel.OVERHEAD_FEATURES.size();
        for (int p = features; p >= 1; p--) {
            double[][] x = new double[xs.size()][p];
            for (int i = 0; i < xs.size(); i++) {
                x[i] = Arrays.copyOf(xs.get(i), p);
            }
            double[] beta = leastSquares(x, y, w);
            if (beta != null) {
                return Arrays.copyOf(beta, features);
            }
        }
        double[] constant = new double[features];
        constant[0] = Arrays.stream(y).average().orElse(0);
        return constant;
    }

    /**
     * Weighted least squares through Commons Math's OLS (no intercept: the constant is a feature): rows and targets
     * scaled by sqrt(weight). Null when the design is singular or has no more rows than columns.
     */
    static double[] leastSquares(double[][] x, double[] y, double[] weights) {
        int n = y.length;
        int p = x.length == 0 ? 0 : x[0].length;
        if (p == 0 || n <= p) {
            return null;
        }
        double[][] xs = new double[n][p];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(weights[i]);
            for (int j = 0; j < p; j++) {
                xs[i][j] = x[i][j] * s;
            }
            ys[i] = y[i] * s;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(SINGULARITY_THRESHOLD);
        ols.setNoIntercept(true);
        try {
            ols.newSampleData(ys, xs);
            double[] beta = ols.estimateRegressionParameters();
            for (double b : beta) {
                if (!Double.isFinite(b)) {
                    return null;
                }
            }
            return beta;
        } catch (MathIllegalArgumentException e) { // SingularMatrixException included
            return null;
        }
    }

    private static double rmsRelative(double[][] x, double[] y, double[] beta) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] <= 0) {
                continue;
            }
            double p = 0;
            for (int j = 0; j < beta.length; j++) {
                p += beta[j] * x[i][j];
            }
            double e = (p - y[i]) / y[i] * 100;
            sum += e * e;
            n++;
        }
        return n == 0 ? Double.NaN : Math.sqrt(sum / n);
    }

    /** The {@code q} quantile (0..1) of {@code v}, linear between order statistics. */
    static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        if (s.length == 1) {
            return s[0];
        }
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
