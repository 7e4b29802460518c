package org.mobilenetexplorer.accuracy;

import java.util.List;

/**
 * Least-squares line {@code accuracy = intercept + slope * ln(MACs)} over a source's points: the paper's
 * Figure 4 observation ("log linear dependence between accuracy and computation").
 *
 * @param intercept accuracy at 1 MAC (percent)
 * @param slope     percentage points per e-fold of MACs
 * @param n         points fitted
 * @param minMacs   smallest MACs among them
 * @param maxMacs   largest MACs among them
 */
public record LogMacsFit(double intercept, double slope, int n, long minMacs, long maxMacs) {

    /** Fits {@code ys} against {@code ln(macs)}; needs at least two distinct MAC counts. */
    static LogMacsFit of(List<Long> macs, List<Double> ys) {
        int n = macs.size();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(macs.get(i));
            my += ys.get(i);
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(macs.get(i)) - mx;
            sxx += dx * dx;
            sxy += dx * (ys.get(i) - my);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("fit needs at least two distinct MAC counts");
        }
        double slope = sxy / sxx;
        long min = macs.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = macs.stream().mapToLong(Long::longValue).max().orElseThrow();
        return new LogMacsFit(my - slope * mx, slope, n, min, max);
    }

    /** The fitted accuracy at {@code macs}. */
    public double at(long macs) {
        return intercept + slope * Math.log(macs);
    }

    /** Percentage points gained per doubling of MACs. */
    public double perDoubling() {
        return slope * Math.log(2);
    }
}
