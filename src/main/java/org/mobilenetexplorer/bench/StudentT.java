package org.mobilenetexplorer.bench;

/**
 * Student's t distribution: the two-sided quantile used for confidence intervals of a mean. Computed, not tabled:
 * the CDF through the regularized incomplete beta function (continued fraction, modified Lentz), inverted by
 * bisection to 1e-12. Accurate to about 1e-9 for 1 <= df <= 1e6 (tests check published table values).
 */
public final class StudentT {
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
        if (!(df > 0) || Double.isInfinite(df)) {
            throw new IllegalArgumentException("df = " + df + ": must be a finite number > 0");
        }
        if (p == 0.5) {
            return 0;
        }
        if (p < 0.5) {
            return -quantile(1 - p, df);
        }
        double lo = 0;
        double hi = 1;
        while (cdf(hi, df) < p) {
            lo = hi;
            hi *= 2;
            if (hi > 1e12) {
                return hi;
            }
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, df) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
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
        double x = df / (df + t * t);
        double tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** I_x(a, b), the regularized incomplete beta function. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        double front = Math.exp(lnFront);
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
    }

    /** Continued fraction of the incomplete beta function (modified Lentz's method). */
    private static double betaContinuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < tiny) {
            d = tiny;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                return h;
            }
        }
        return h;
    }

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    /** ln Gamma(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error ~1e-15). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x)
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double xx = x - 1;
        double sum = LANCZOS[0];
        double t = xx + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (xx + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
