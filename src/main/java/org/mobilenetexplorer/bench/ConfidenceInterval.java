package org.mobilenetexplorer.bench;

/**
 * A two-sided confidence interval of a mean: mean +- t(1 - (1 - level) / 2, n - 1) * s / sqrt(n).
 *
 * @param level     confidence level, e.g. 0.95
 * @param low       lower bound
 * @param high      upper bound
 * @param halfWidth (high - low) / 2
 */
public record ConfidenceInterval(double level, double low, double high, double halfWidth) {
    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level = " + level + ": must be in (0, 1)");
        }
        if (!(low <= high)) {
            throw new IllegalArgumentException("low = " + low + ", high = " + high + ": low must be <= high");
        }
    }
}
