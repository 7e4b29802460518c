package org.mobilenetexplorer.accuracy;

import java.util.Locale;

/**
 * The estimator's leave-one-out error on a source's published points: each point in turn is removed, estimated
 * from the others with the same procedure, and compared with the printed value.
 *
 * @param n          points that could be estimated with one left out
 * @param skipped    points that could not (too few left)
 * @param mae        mean absolute error in percentage points (NaN when n = 0)
 * @param max        largest absolute error (NaN when n = 0)
 * @param worstLabel the network with the largest error (empty when n = 0)
 */
public record LeaveOneOut(int n, int skipped, double mae, double max, String worstLabel) {

    /** Several errors pooled: every point of every part, mean and max over all of them. */
    public static LeaveOneOut pooled(java.util.List<LeaveOneOut> parts) {
        int n = 0;
        int skipped = 0;
        double sum = 0;
        double max = Double.NaN;
        String worst = "";
        for (LeaveOneOut p : parts) {
            skipped += p.skipped();
            if (!p.available()) {
                continue;
            }
            n += p.n();
            sum += p.mae() * p.n();
            if (Double.isNaN(max) || p.max() > max) {
                max = p.max();
                worst = p.worstLabel();
            }
        }
        return new LeaveOneOut(n, skipped, n == 0 ? Double.NaN : sum / n, max, worst);
    }

    /** True when at least one point was estimated. */
    public boolean available() {
        return n > 0;
    }

    /** E.g. {@code LOO MAE 1.01, max 3.72 pts (n=16)} or {@code LOO n/a (too few points)}. */
    public String summary() {
        if (!available()) {
            return "LOO n/a (too few points)";
        }
        return String.format(Locale.ROOT, "LOO MAE %.2f, max %.2f pts (n=%d)", mae, max, n);
    }
}
