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
