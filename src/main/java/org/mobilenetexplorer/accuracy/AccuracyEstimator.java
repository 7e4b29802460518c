package org.mobilenetexplorer.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>
 * Each family (and V3's minimalistic variant) is estimated from its own points only. Beside the procedure above
 * ({@link Method#GRID_FIT}) the estimator knows a {@link QuadraticSurface} in (ln alpha, ln resolution)
 * ({@link Method#QUADRATIC}); per family it uses the one with the smaller leave-one-out mean error and says so
 * ({@link #models()}), and every estimate carries that model's leave-one-out error.
 */
public final class AccuracyEstimator {
    /** Points needed for the fit: two for the line, one more so that leave-one-out is defined. */
    public static final int MIN_POINTS_FOR_FIT = 3;

    /** The estimation models; the estimator picks one per family of a source by leave-one-out error. */
    public enum Method {
        /** Interpolation in (ln alpha, ln resolution) inside the grid, the anchored ln(MACs) fit outside. */
        GRID_FIT("interpolation + anchored ln(MACs) fit"),
        /** {@link QuadraticSurface}: least-squares quadratic in (ln alpha, ln resolution). */
        QUADRATIC("quadratic surface in (ln alpha, ln resolution)");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One family (and variant) of the source with the model chosen for it.
     *
     * @param key    family id, with {@code -minimalistic} for the V3 variants
     * @param method the model used
     * @param error  its leave-one-out error
     * @param why    how the model was chosen (the leave-one-out errors compared)
     */
    public record FamilyModel(String key, Method method, LeaveOneOut error, String why) {
    }

    private final AccuracySource source;
    private final AccuracyMetric metric;
    private final Map<String, Core> cores = new LinkedHashMap<>();
    private final Map<String, FamilyModel> models = new LinkedHashMap<>();
    private final LeaveOneOut error;

    /** An estimator that chooses, per family, the model with the smaller leave-one-out error. */
    public AccuracyEstimator(AccuracySource source, AccuracyMetric metric) {
        this(source, metric, null);
    }

    /**
     * An estimator with a fixed model ({@code forced}), or the per-family choice by leave-one-out error when
     * {@code forced} is null.
     */
    public AccuracyEstimator(AccuracySource source, AccuracyMetric metric, Method forced) {
        this.source = source;
        this.metric = metric;
        Map<String, List<AccuracyPoint>> byFamily = new LinkedHashMap<>();
        for (AccuracyPoint p : source.points(metric)) {
            byFamily.computeIfAbsent(key(p.config()), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<AccuracyPoint>> e : byFamily.entrySet()) {
            List<AccuracyPoint> pts = e.getValue();
            LeaveOneOut grid = leaveOneOut(pts, Method.GRID_FIT);
            LeaveOneOut quad = leaveOneOut(pts, Method.QUADRATIC);
            Method chosen;
            String why;
            if (forced != null) {
                chosen = forced;
                why = "model fixed by the caller";
            } else {
                chosen = quad.available() && grid.available() && quad.mae() < grid.mae() ? Method.QUADRATIC
                        : Method.GRID_FIT;
                why = String.format(Locale.ROOT, "chosen by leave-one-out: %s %s; %s %s",
                        Method.GRID_FIT.description(), grid.summary(), Method.QUADRATIC.description(),
                        quad.summary());
            }
            LeaveOneOut err = chosen == Method.QUADRATIC ? quad : grid;
            cores.put(e.getKey(), new Core(source, metric, pts, chosen));
            models.put(e.getKey(), new FamilyModel(e.getKey(), chosen, err, why));
        }
        this.error = LeaveOneOut.pooled(models.values().stream().map(FamilyModel::error).toList());
    }

    /** Family key of a configuration: {@code v1}, {@code v2}, {@code v3-large}, {@code v3-small-minimalistic}. */
    static String key(MobileNetConfig c) {
        return c.family().id() + (c.minimalistic() ? "-minimalistic" : "");
    }

    public AccuracySource source() {
        return source;
    }

    public AccuracyMetric metric() {
        return metric;
    }

    /**
     * The leave-one-out error over all of the source's families (pooled: n, mean and max over every point left
     * out, each estimated from its own family's other points only).
     */
    public LeaveOneOut error() {
        return error;
    }

    /** The model and error of each family the source prints, in the source's order. */
    public List<FamilyModel> models() {
        return List.copyOf(models.values());
    }

    /** The model used for {@code config}'s family, if the source prints that family. */
    public Optional<FamilyModel> model(MobileNetConfig config) {
        return Optional.ofNullable(models.get(key(config)));
    }

    /** One line per family: {@code v1: quadratic surface ..., LOO MAE 0.18, max 0.50 pts (n=16)}. */
    public String errorSummary() {
        return String.join("; ", models.values().stream()
                .map(m -> m.key() + ": " + m.method().description() + ", " + m.error().summary()).toList());
    }

    /** The ln(MACs) fit of the source's first family, when it has enough points. */
    public Optional<LogMacsFit> fit() {
        return cores.values().stream().findFirst().map(c -> c.fit);
    }

    /** Why no fit is available for the source's first family (empty when it is). */
    public String whyNoFit() {
        return cores.values().stream().findFirst().map(c -> c.whyNoFit).orElse(source.id() + " has no points");
    }

    /**
     * The accuracy of {@code config} according to this source, from the points of its own family only (an
     * estimate never borrows another family's points).
     */
    public Accuracy estimate(MobileNetConfig config) {
        Core core = cores.get(key(config));
        if (core == null) {
            LeaveOneOut none = new LeaveOneOut(0, 0, Double.NaN, Double.NaN, "");
            String why = source.points().isEmpty() ? source.id() + " has no points"
                    : source.id() + " prints no " + metric.id() + " for " + config.family().displayName()
                            + (config.minimalistic() ? " minimalistic" : "")
                            + (cores.isEmpty() ? "" : " (it prints " + String.join(", ", cores.keySet()) + ")")
                            + "; estimates never borrow another family's points";
            return new Accuracy(null, AccuracyKind.NONE, false, source.id(), metric, why, none);
        }
        return core.estimate(config, models.get(key(config)).error());
    }

    private LeaveOneOut leaveOneOut(List<AccuracyPoint> all, Method method) {
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
            Accuracy a = new Core(source, metric, rest, method).estimate(p.config(), null);
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
        private final QuadraticSurface surface;

        Core(AccuracySource source, AccuracyMetric metric, List<AccuracyPoint> points, Method method) {
            this.source = source;
            this.metric = metric;
            this.points = points;
            this.grid = points.stream().filter(AccuracyPoint::isStandardStructure).toList();
            this.surface = method == Method.QUADRATIC ? QuadraticSurface.fit(grid.stream()
                    .map(p -> new double[] {p.config().alpha(), p.config().resolution(), metric.of(p)}).toList())
                    .orElse(null) : null;
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
            if (c.standardConv() || c.blocks14() != MobileNetConfig.MAX_BLOCKS14) {
                return none(source.id() + " prints no " + metric.id() + " for " + c.label()
                        + "; estimates cover the standard architecture only (depthwise separable, blocks14=5)", error);
            }
            if (surface != null) {
                double minA = grid.stream().mapToDouble(p -> p.config().alpha()).min().orElseThrow();
                double maxA = grid.stream().mapToDouble(p -> p.config().alpha()).max().orElseThrow();
                int minR = grid.stream().mapToInt(p -> p.config().resolution()).min().orElseThrow();
                int maxR = grid.stream().mapToInt(p -> p.config().resolution()).max().orElseThrow();
                boolean extrapolated = !surrounded(c);
                String method = String.format(Locale.ROOT, "%s over %d %s %s points%s",
                        Method.QUADRATIC.description(), surface.n(), source.id(), key(c), extrapolated
                                ? String.format(Locale.ROOT, "; extrapolated: outside the published points of"
                                + " alpha %s..%s, resolution %d..%d", MobileNetConfig.fmt(minA),
                                MobileNetConfig.fmt(maxA), minR, maxR) : "");
                return new Accuracy(surface.at(c.alpha(), c.resolution()), AccuracyKind.FITTED, extrapolated,
                        source.id(), metric, method, error);
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
         * True when published points lie on every side of {@code c} in (alpha, resolution): one at or below both,
         * at or above both, and at each mixed corner. Outside that (beyond the grid, or in the empty corner of an
         * L-shaped design such as the paper's Tables 6 and 7) a surface value is an extrapolation.
         */
        private boolean surrounded(MobileNetConfig c) {
            boolean ll = false;
            boolean lh = false;
            boolean hl = false;
            boolean hh = false;
            for (AccuracyPoint p : grid) {
                boolean aLo = p.config().alpha() <= c.alpha() + 1e-9;
                boolean aHi = p.config().alpha() >= c.alpha() - 1e-9;
                boolean rLo = p.config().resolution() <= c.resolution();
                boolean rHi = p.config().resolution() >= c.resolution();
                ll |= aLo && rLo;
                lh |= aLo && rHi;
                hl |= aHi && rLo;
                hh |= aHi && rHi;
            }
            return ll && lh && hl && hh;
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
