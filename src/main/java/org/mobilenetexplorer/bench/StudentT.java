package org.mobilenetexplorer.bench;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student's t distribution: the two-sided quantile used for confidence intervals of a mean. Apache Commons Math's
 * {@link TDistribution} computes it (regularized incomplete beta, inverted by a bracketing solver); this class only
 * validates the arguments, asks for 1e-12 absolute accuracy of the inverse (the library's default is 1e-9) and keeps
 * Commons Math inside this package. Tests check published table values for df 1..1000 to 1e-9.
 */
public final class StudentT {
    /** Absolute accuracy of the inverse CDF. */
    private static final double INVERSE_ACCURACY = 1e-12;

    private StudentT() {
    }

    /**
     * The quantile t such that P(T <= t) = p for T ~ t(df).
     *
     * @param p  probability in (0, 1)
     * @param df degrees of freedom, > 0
     */
    public static double quantile(double p, double df) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p = " + p + ": must be in (0, 1)");
        }
        if (p == 0.5) {
            return 0;
        }
        return distribution(df).inverseCumulativeProbability(p);
    }

    /** The two-sided critical value for a confidence level, e.g. 0.95 -> t(0.975, df). */
    public static double twoSidedCritical(double confidence, double df) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence = " + confidence + ": must be in (0, 1)");
        }
        return quantile(1 - (1 - confidence) / 2, df);
    }

    /** P(T <= t) for T ~ t(df). */
    public static double cdf(double t, double df) {
        return distribution(df).cumulativeProbability(t);
    }

    private static TDistribution distribution(double df) {
        if (!(df > 0) || Double.isInfinite(df)) {
            throw new IllegalArgumentException("df = " + df + ": must be a finite number > 0");
        }
        // no random generator: this distribution is never sampled
        return new TDistribution(null, df, INVERSE_ACCURACY);
    }
}
