package org.mobilenetexplorer.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Statistics of the measured (steady-state) samples, all in milliseconds.
 *
 * <p>Definitions (also in docs/decisions/004-benchmark-statistics.md):
 * <ul>
 *   <li>percentiles: linear interpolation between closest ranks on the sorted samples, h = (n - 1) p, value =
 *       x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]) (Hyndman-Fan type 7, the default of numpy, R and
 *       Excel PERCENTILE.INC); median = p50, so for even n the mean of the two middle samples;</li>
 *   <li>stddev: sample standard deviation (n - 1 denominator), two-pass (mean first, then squared deviations),
 *       never E[x^2] - E[x]^2; 0 for n = 1;</li>
 *   <li>cv: stddev / mean;</li>
 *   <li>ci95: mean +- t(0.975, n - 1) s / sqrt(n) (Student t), null ("undefined") when n <= 2.</li>
 * </ul>
 *
 * @param n      number of samples
 * @param min    smallest sample
 * @param median p50
 * @param mean   arithmetic mean
 * @param ci95   95% confidence interval of the mean; null when n <= 2
 * @param p90    90th percentile
 * @param p99    99th percentile
 * @param max    largest sample
 * @param stddev sample standard deviation
 * @param cv     coefficient of variation, stddev / mean
 */
public record LatencyStatistics(int n, double min, double median, double mean, ConfidenceInterval ci95, double p90,
                                double p99, double max, double stddev, double cv) {

    /** Confidence level of {@link #ci95()}. */
    public static final double CONFIDENCE = 0.95;

    public LatencyStatistics {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + ": statistics need at least one sample");
        }
        if (!(min <= median && median <= max)) {
            throw new IllegalArgumentException("min/median/max = " + min + "/" + median + "/" + max
                    + ": must be ordered");
        }
        if (n <= 2 && ci95 != null) {
            throw new IllegalArgumentException("ci95 = " + ci95 + ": undefined for n = " + n + " (must be null)");
        }
    }

    /** Statistics of {@code samples} (not modified). */
    public static LatencyStatistics of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("samples: empty, statistics need at least one sample");
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Double.isFinite(samples[i]) || samples[i] < 0) {
                throw new IllegalArgumentException("samples[" + i + "] = " + samples[i] + ": must be finite and >= 0");
            }
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double mean = mean(samples);
        double stddev = stddev(samples, mean);
        ConfidenceInterval ci = null;
        if (n > 2) {
            double half = StudentT.twoSidedCritical(CONFIDENCE, n - 1) * stddev / Math.sqrt(n);
            ci = new ConfidenceInterval(CONFIDENCE, mean - half, mean + half, half);
        }
        return new LatencyStatistics(n, sorted[0], percentileOfSorted(sorted, 0.5), mean, ci,
                percentileOfSorted(sorted, 0.90), percentileOfSorted(sorted, 0.99), sorted[n - 1], stddev,
                mean == 0 ? 0 : stddev / mean);
    }

    /** Statistics of a list of samples. */
    public static LatencyStatistics of(List<Double> samples) {
        return of(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The p-quantile (p in [0, 1]) of sorted data, type 7 linear interpolation. */
    public static double percentileOfSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("percentile of no samples");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p = " + p + ": must be in [0, 1]");
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The median of unsorted data (not modified). */
    public static double median(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return percentileOfSorted(sorted, 0.5);
    }

    static double mean(double[] x) {
        // compensated (Kahan) sum: exact enough for millions of samples
        double sum = 0;
        double c = 0;
        for (double v : x) {
            double y = v - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum / x.length;
    }

    /** Two-pass sample standard deviation with the corrected second pass (Chan, Golub, LeVeque). */
    static double stddev(double[] x, double mean) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double ss = 0;
        double comp = 0;
        for (double v : x) {
            double d = v - mean;
            ss += d * d;
            comp += d;
        }
        double var = (ss - comp * comp / n) / (n - 1);
        return Math.sqrt(Math.max(var, 0));
    }

    /** The relative half-width of the confidence interval (half-width / mean), NaN when undefined. */
    public double relativeError() {
        return ci95 == null || mean == 0 ? Double.NaN : ci95.halfWidth() / mean;
    }
}
