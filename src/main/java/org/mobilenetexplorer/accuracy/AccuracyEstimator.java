package org.mobilenetexplorer.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;

/**
 * The accuracy of any configuration according to one source and metric (see
 * docs/decisions/005-accuracy-estimator.md):
 * <ol>
 *   <li>the source prints this network: that value ({@link AccuracyKind#PUBLISHED});</li>
 *   <li>else, inside the source's alpha x resolution grid: interpolation in (ln alpha, ln resolution) between
 *       published points, preferring a line along resolution at a published alpha, then a line along alpha at a
 *       published resolution, then the bilinear cell ({@link AccuracyKind#INTERPOLATED});</li>
 *   <li>else, with at least {@value #MIN_POINTS_FOR_FIT} points: the slope of the least-squares line of accuracy
 *       against ln(MACs), applied from the published point that shares the query's alpha or resolution and is
 *       nearest in ln(MACs) (the "anchored fit"), or the line itself when no point shares either
 *       ({@link AccuracyKind#FITTED}); flagged extrapolated when alpha, resolution or MACs lie outside the
 *       published range;</li>
 *   <li>else no value, with the reason ({@link AccuracyKind#NONE}).</li>
 * </ol>
 * Estimates cover the standard architecture (depthwise separable, five 14x14 blocks); other structures get a
 * value only when the source prints them. MACs are computed by the cost model at 1000 classes, never taken from
 * the (partly misprinted) published tables. Immutable; the leave-one-out error is computed once at construction.
 */
public final class AccuracyEstimator {
    /** Points needed for the fit: two for the line, one more so that leave-one-out is defined. */
    public static final int MIN_POINTS_FOR_FIT = 3;

    private final AccuracySource source;
    private final AccuracyMetric metric;
    private final Core core;
    private final LeaveOneOut error;

    public AccuracyEstimator(AccuracySource source, AccuracyMetric metric) {
        this.source = source;
        this.metric = metric;
        this.core = new Core(source, metric, source.points(metric));
        this.error = leaveOneOut();
    }

    public AccuracySource source() {
        return source;
    }

    public AccuracyMetric metric() {
        return metric;
    }

    /** The leave-one-out error of this procedure on the source's standard-architecture points. */
    public LeaveOneOut error() {
        return error;
    }

    /** The ln(MACs) fit, when the source has enough points. */
    public Optional<LogMacsFit> fit() {
        return Optional.ofNullable(core.fit);
    }

    /** Why no fit is available (empty when it is). */
    public String whyNoFit() {
        return core.whyNoFit;
    }

    /** The accuracy of {@code config} according to this source. */
    public Accuracy estimate(MobileNetConfig config) {
        return core.estimate(config, error);
    }

    private LeaveOneOut leaveOneOut() {
        List<AccuracyPoint> all = source.points(metric);
        int n = 0;
        int skipped = 0;
        double sum = 0;
        double max = Double.NaN;
        String worst = "";
        for (AccuracyPoint p : all) {
            if (!p.isStandardStructure()) {
                continue;
            }
            List<AccuracyPoint> rest = new ArrayList<>(all);
            rest.remove(p);
            Accuracy a = new Core(source, metric, rest).estimate(p.config(), null);
            if (!a.present()) {
                skipped++;
                continue;
            }
            double e = Math.abs(a.value() - metric.of(p));
            n++;
            sum += e;
            if (Double.isNaN(max) || e > max) {
                max = e;
                worst = p.config().label();
            }
        }
        return new LeaveOneOut(n, skipped, n == 0 ? Double.NaN : sum / n, max, worst);
    }

    /** MACs of the network as the source's numbers mean it: the query's structure at 1000 classes. */
    static long macs(MobileNetConfig c) {
        return NetworkStats.of(c.withClasses(1000)).totals().macs();
    }

    /** The estimation procedure over a given list of points (the full list, or one left out). */
    private static final class Core {
        private final AccuracySource source;
        private final AccuracyMetric metric;
        private final List<AccuracyPoint> points;
        private final List<AccuracyPoint> grid;
        private final LogMacsFit fit;
        private final String whyNoFit;

        Core(AccuracySource source, AccuracyMetric metric, List<AccuracyPoint> points) {
            this.source = source;
            this.metric = metric;
            this.points = points;
            this.grid = points.stream().filter(AccuracyPoint::isStandardStructure).toList();
            if (grid.size() >= MIN_POINTS_FOR_FIT) {
                this.fit = LogMacsFit.of(grid.stream().map(p -> macs(p.config())).toList(),
                        grid.stream().map(metric::of).toList());
                this.whyNoFit = "";
            } else {
                this.fit = null;
                this.whyNoFit = source.id() + " prints " + metric.id() + " for " + grid.size()
                        + " standard configuration" + (grid.size() == 1 ? "" : "s")
                        + (grid.isEmpty() ? "" : " (" + String.join(", ",
                                grid.stream().map(p -> p.config().label()).toList()) + ")")
                        + ": an estimate away from the grid needs at least " + MIN_POINTS_FOR_FIT;
            }
        }

        Accuracy estimate(MobileNetConfig c, LeaveOneOut error) {
            long macs = macs(c);
            for (AccuracyPoint p : points) {
                if (p.sameNetwork(c) && macs(p.config()) == macs) {
                    return new Accuracy(metric.of(p), AccuracyKind.PUBLISHED, false, source.id(), metric,
                            "published: " + p.label() + " (" + source.id() + ", " + p.origin() + ")", error);
                }
            }
            if (points.isEmpty() && source.points().isEmpty()) {
                return none(source.id() + " has no points", error);
            }
            if (points.isEmpty()) {
                return none(source.id() + " prints no " + metric.id() + " numbers", error);
            }
            if (points.stream().noneMatch(p -> p.config().family() == c.family()
                    && p.config().minimalistic() == c.minimalistic())) {
                // an estimate never borrows another family's points
                return none(source.id() + " prints no " + metric.id() + " for family " + c.familyLabel(), error);
            }
            if (c.standardConv() || c.blocks14() != MobileNetConfig.MAX_BLOCKS14) {
                return none(source.id() + " prints no " + metric.id() + " for " + c.label()
                        + "; estimates cover the standard architecture only (depthwise separable, blocks14=5)", error);
            }
            Accuracy interpolated = interpolate(c, error);
            if (interpolated != null) {
                return interpolated;
            }
            if (fit == null) {
                return none(whyNoFit, error);
            }
            double minA = grid.stream().mapToDouble(p -> p.config().alpha()).min().orElseThrow();
            double maxA = grid.stream().mapToDouble(p -> p.config().alpha()).max().orElseThrow();
            int minR = grid.stream().mapToInt(p -> p.config().resolution()).min().orElseThrow();
            int maxR = grid.stream().mapToInt(p -> p.config().resolution()).max().orElseThrow();
            boolean extrapolated = c.alpha() < minA - 1e-9 || c.alpha() > maxA + 1e-9 || c.resolution() < minR
                    || c.resolution() > maxR || macs < fit.minMacs() || macs > fit.maxMacs();
            String range = extrapolated ? String.format(Locale.ROOT,
                    "; extrapolated beyond alpha %s..%s, resolution %d..%d, MACs %.1fM..%.1fM",
                    MobileNetConfig.fmt(minA), MobileNetConfig.fmt(maxA), minR, maxR, fit.minMacs() / 1e6,
                    fit.maxMacs() / 1e6) : "";
            AccuracyPoint anchor = anchor(c, macs);
            if (anchor != null) {
                long am = macs(anchor.config());
                double v = metric.of(anchor) + fit.slope() * (Math.log(macs) - Math.log(am));
                String method = String.format(Locale.ROOT,
                        "anchored fit: %s %s %.1f at %.1fM MACs + %.3f ln(MACs ratio), slope from %d %s points,"
                                + " at %.1fM MACs%s", source.id(), anchor.config().label(), metric.of(anchor),
                        am / 1e6, fit.slope(), fit.n(), source.id(), macs / 1e6, range);
                return new Accuracy(v, AccuracyKind.FITTED, extrapolated, source.id(), metric, method, error);
            }
            String method = String.format(Locale.ROOT,
                    "fit %s = %.2f + %.3f ln(MACs) over %d %s points, at %.1fM MACs%s", metric.id(), fit.intercept(),
                    fit.slope(), fit.n(), source.id(), macs / 1e6, range);
            return new Accuracy(fit.at(macs), AccuracyKind.FITTED, extrapolated, source.id(), metric, method, error);
        }

        /**
         * The published point sharing the query's alpha or resolution that is nearest in ln(MACs), or null. The
         * fit's slope is then applied from that point instead of from the fit's intercept: a source's own
         * neighbour carries what the line through all points misses (accuracy is not a function of MACs alone).
         */
        private AccuracyPoint anchor(MobileNetConfig c, long macs) {
            AccuracyPoint best = null;
            double bestDist = Double.POSITIVE_INFINITY;
            for (AccuracyPoint p : grid) {
                boolean shares = Math.abs(p.config().alpha() - c.alpha()) < 1e-9
                        || p.config().resolution() == c.resolution();
                if (!shares) {
                    continue;
                }
                double d = Math.abs(Math.log(macs(p.config())) - Math.log(macs));
                if (d < bestDist) {
                    bestDist = d;
                    best = p;
                }
            }
            return best;
        }

        private Accuracy none(String why, LeaveOneOut error) {
            return new Accuracy(null, AccuracyKind.NONE, false, source.id(), metric, why, error);
        }

        /** Interpolation inside the grid, or null when no rectangle of published points encloses {@code c}. */
        private Accuracy interpolate(MobileNetConfig c, LeaveOneOut error) {
            TreeSet<Double> alphas = new TreeSet<>();
            TreeSet<Integer> res = new TreeSet<>();
            for (AccuracyPoint p : grid) {
                alphas.add(p.config().alpha());
                res.add(p.config().resolution());
            }
            double a = c.alpha();
            double r = c.resolution();
            boolean aOnGrid = alphas.stream().anyMatch(x -> Math.abs(x - a) < 1e-9);
            boolean rOnGrid = res.contains(c.resolution());
            Double aLo = alphas.lower(a - 1e-9);
            Double aHi = alphas.higher(a + 1e-9);
            Integer rLo = res.lower(c.resolution());
            Integer rHi = res.higher(c.resolution());
            List<double[]> rects = new ArrayList<>(); // {a0, a1, r0, r1}
            if (aOnGrid && rLo != null && rHi != null) {
                rects.add(new double[] {a, a, rLo, rHi});
            }
            if (rOnGrid && aLo != null && aHi != null) {
                rects.add(new double[] {aLo, aHi, r, r});
            }
            if (aLo != null && aHi != null && rLo != null && rHi != null) {
                rects.add(new double[] {aLo, aHi, rLo, rHi});
            }
            for (double[] q : rects) {
                Double v00 = value(q[0], q[2]);
                Double v10 = value(q[1], q[2]);
                Double v01 = value(q[0], q[3]);
                Double v11 = value(q[1], q[3]);
                if (v00 == null || v10 == null || v01 == null || v11 == null) {
                    continue;
                }
                double ta = q[0] == q[1] ? 0 : Math.log(a / q[0]) / Math.log(q[1] / q[0]);
                double tr = q[2] == q[3] ? 0 : Math.log(r / q[2]) / Math.log(q[3] / q[2]);
                double v = (1 - ta) * (1 - tr) * v00 + ta * (1 - tr) * v10 + (1 - ta) * tr * v01 + ta * tr * v11;
                String corners = q[0] == q[1] || q[2] == q[3]
                        ? label(q[0], q[2]) + " and " + label(q[1], q[3])
                        : label(q[0], q[2]) + ", " + label(q[1], q[2]) + ", " + label(q[0], q[3]) + ", "
                                + label(q[1], q[3]);
                return new Accuracy(v, AccuracyKind.INTERPOLATED, false, source.id(), metric,
                        "interpolated in (ln alpha, ln resolution) between " + source.id() + " " + corners, error);
            }
            return null;
        }

        private static String label(double a, double r) {
            return MobileNetConfig.fmt(a) + "-" + (int) r;
        }

        private Double value(double a, double r) {
            for (AccuracyPoint p : grid) {
                if (Math.abs(p.config().alpha() - a) < 1e-9 && p.config().resolution() == (int) r) {
                    return metric.of(p);
                }
            }
            return null;
        }
    }
}
