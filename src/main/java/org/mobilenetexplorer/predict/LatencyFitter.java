package org.mobilenetexplorer.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * Fits a {@link LatencyModel} on a {@link DeviceProfile} (docs/decisions/010-latency-predictor.md):
 * <ol>
 *   <li>per kernel kind ({@link KernelKey}), least squares of the layers' profile medians on their
 *       {@link KernelFeatures}, each row weighted by 1 / measured time (between absolute least squares, which
 *       ignores small layers, and relative least squares, which lets the noisiest microsecond layers steer);
 *       a feature the grid cannot tell apart from the others (the QR decomposition finds the design singular) is
 *       dropped, last first;</li>
 *   <li>the per-network overhead: relative least squares of (network median - the network's predicted layer
 *       sum) on a constant, that layer sum, the input size and the layer count
 *       ({@link LatencyModel#OVERHEAD_FEATURES}). The layer sum as a regressor lets the whole-network medians
 *       (hundreds of runs, no profiler) correct what the per-layer profile (10 passes, with the profiler's own
 *       timing cost) measures systematically high or low;</li>
 *   <li>the band: every calibration network predicted by a model fitted without it; the 90th percentile of the
 *       absolute relative errors, per family when the family has at least {@value #MIN_FAMILY_BAND_NETWORKS}
 *       calibration networks (V3-Small's small networks are relatively noisier than V1's), else over all.</li>
 * </ol>
 * Ordinary least squares through Apache Commons Math ({@link OLSMultipleLinearRegression}, QR decomposition; a
 * singular design raises its SingularMatrixException).
 */
public final class LatencyFitter {
    /** Below this |R_ii| the QR decomposition calls the design singular. */
    static final double SINGULARITY_THRESHOLD = 1e-9;
    /** The band's percentile of absolute leave-one-network-out errors. */
    static final double BAND_PERCENTILE = 0.90;
    /** A family gets its own band from at least this many of its calibration networks (else the overall band). */
    static final int MIN_FAMILY_BAND_NETWORKS = 6;

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
        double[] overhead = fitOverhead(all, specs, -1, kernels);

        List<LatencyModel.CalibrationError> errors = new ArrayList<>();
        if (all.size() >= 3) {
            for (int i = 0; i < all.size(); i++) {
                Map<KernelKey, LatencyModel.Fitted> k = fitKernels(all, specs, i);
                double[] o = fitOverhead(all, specs, i, k);
                double predicted = predict(k, o, specs.get(i));
                NetworkMeasurement n = all.get(i);
                if (Double.isNaN(predicted)) {
                    continue; // its kernel kinds occur in no other network: nothing to learn them from
                }
                errors.add(new LatencyModel.CalibrationError(n.config(), n.medianMs(), predicted,
                        (predicted - n.medianMs()) / n.medianMs() * 100));
            }
        }
        double band = band(errors);
        Map<Family, Double> byFamily = new EnumMap<>(Family.class);
        for (Family f : Family.values()) {
            List<LatencyModel.CalibrationError> own = errors.stream().filter(e -> e.config().family() == f).toList();
            if (own.size() >= MIN_FAMILY_BAND_NETWORKS) {
                byFamily.put(f, band(own));
            }
        }
        return new LatencyModel(profile, kernels, overhead, band, byFamily, errors);
    }

    private static double band(List<LatencyModel.CalibrationError> errors) {
        return errors.isEmpty() ? Double.NaN
                : percentile(errors.stream().mapToDouble(e -> Math.abs(e.errorPercent())).toArray(),
                BAND_PERCENTILE);
    }

    private static double predict(Map<KernelKey, LatencyModel.Fitted> kernels, double[] overhead,
                                  ArchitectureSpec spec) {
        double sum = layerSum(kernels, spec);
        return sum + LatencyModel.overhead(overhead, spec, sum);
    }

    /** The predicted layer sum of {@code spec}; NaN when a kernel kind or feature has no fit. */
    private static double layerSum(Map<KernelKey, LatencyModel.Fitted> kernels, ArchitectureSpec spec) {
        double t = 0;
        for (LayerSpec l : spec.layers()) {
            LatencyModel.Fitted f = kernels.get(KernelKey.of(l));
            if (f == null) {
                return Double.NaN;
            }
            double[] x = KernelFeatures.of(l);
            if (f.lacks(x)) {
                return Double.NaN;
            }
            t += f.fit().predict(x, f.used());
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
        // a feature that is 0 in every row (h-swish in a profile without V3) has no data: left out, and a layer
        // that has it is refused by LatencyModel
        List<Integer> seen = new ArrayList<>();
        List<Integer> unseen = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            boolean any = false;
            for (Row r : rows) {
                any |= r.x()[j] != 0;
            }
            (any || j == 0 ? seen : unseen).add(j);
        }
        int[] none = unseen.stream().mapToInt(Integer::intValue).toArray();
        for (int p = seen.size(); p >= 1; p--) {
            int[] used = seen.subList(0, p).stream().mapToInt(Integer::intValue).toArray();
            double[][] x = new double[rows.size()][p];
            for (int i = 0; i < rows.size(); i++) {
                for (int j = 0; j < p; j++) {
                    x[i][j] = rows.get(i).x()[used[j]];
                }
            }
            double[] beta = leastSquares(x, y, w);
            if (beta != null) {
                List<String> kept = Arrays.stream(used).mapToObj(names::get).toList();
                KernelFit fit = new KernelFit(key, kept, beta, rows.size(), rmsRelative(x, y, beta));
                return new LatencyModel.Fitted(fit, used, none);
            }
        }
        // a single measurement cannot even fit a constant with a residual: use it as the constant
        double mean = Arrays.stream(y).average().orElse(0);
        return new LatencyModel.Fitted(new KernelFit(key, names.subList(0, 1), new double[] {mean}, rows.size(),
                Double.NaN), new int[] {0}, none);
    }

    /** Overhead fit on every network except {@code leaveOut} (-1 = none). */
    private static double[] fitOverhead(List<NetworkMeasurement> networks, List<ArchitectureSpec> specs,
                                        int leaveOut, Map<KernelKey, LatencyModel.Fitted> kernels) {
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            if (i == leaveOut) {
                continue;
            }
            NetworkMeasurement n = networks.get(i);
            double sum = layerSum(kernels, specs.get(i));
            if (Double.isNaN(sum)) {
                sum = n.layerSumMs(); // cannot happen for a network the kernels were fitted on; kept total
            }
            xs.add(LatencyModel.overheadFeatures(specs.get(i), sum));
            ys.add(n.medianMs() - sum);
            ws.add(1 / (n.medianMs() * n.medianMs())); // relative least squares: every network counts alike
        }
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double[] w = ws.stream().mapToDouble(Double::doubleValue).toArray();
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
