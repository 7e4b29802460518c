package org.mobilenetexplorer.accuracy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

    /** The most points of one family for which the quadratic surface is tried (its leave-one-out refits per point). */
    public static final int MAX_QUADRATIC_POINTS = 1_000;

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

    private static final LeaveOneOut NOT_COMPUTED = new LeaveOneOut(0, 0, Double.NaN, Double.NaN, "");

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
            // the grid method's leave-one-out runs on one shared index (O(n log n)); the quadratic one refits a
            // small least-squares surface per point left out, and only when it can be chosen
            Core gridCore = forced == Method.QUADRATIC ? null : new Core(source, metric, pts, Method.GRID_FIT);
            // (the quadratic leave-one-out is quadratic in n: above MAX_QUADRATIC_POINTS, e.g. a large imported file,
            // only the grid method is tried, so an import stays fast)
            boolean quadTried = forced == Method.QUADRATIC || (forced == null && pts.size() <= MAX_QUADRATIC_POINTS);
            Core quadCore = !quadTried ? null : new Core(source, metric, pts, Method.QUADRATIC);
            LeaveOneOut grid = gridCore == null ? NOT_COMPUTED : leaveOneOut(gridCore);
            LeaveOneOut quad = quadCore == null ? NOT_COMPUTED : leaveOneOut(quadCore);
            Method chosen;
            String why;
            if (forced != null) {
                chosen = forced;
                why = "model fixed by the caller";
            } else {
                chosen = quad.available() && grid.available() && quad.mae() < grid.mae() ? Method.QUADRATIC
                        : Method.GRID_FIT;
                why = quadCore == null ? String.format(Locale.ROOT, "%s %s; the %s is not tried above %d points",
                        Method.GRID_FIT.description(), grid.summary(), Method.QUADRATIC.description(),
                        MAX_QUADRATIC_POINTS)
                        : String.format(Locale.ROOT, "chosen by leave-one-out: %s %s; %s %s",
                        Method.GRID_FIT.description(), grid.summary(), Method.QUADRATIC.description(),
                        quad.summary());
            }
            LeaveOneOut err = chosen == Method.QUADRATIC ? quad : grid;
            cores.put(e.getKey(), chosen == Method.QUADRATIC ? quadCore : gridCore);
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

    private static LeaveOneOut leaveOneOut(Core core) {
        int n = 0;
        int skipped = 0;
        double sum = 0;
        double max = Double.NaN;
        String worst = "";
        for (int i = 0; i < core.points.size(); i++) {
            if (!core.standard[i]) {
                continue;
            }
            AccuracyPoint p = core.points.get(i);
            Accuracy a = core.estimate(p.config(), core.macs[i], i, null);
            if (!a.present()) {
                skipped++;
                continue;
            }
            double e = Math.abs(a.value() - core.value[i]);
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

    /** Alphas closer than 1e-9 are one alpha: the key every lookup uses. */
    private static long alphaKey(double alpha) {
        return Math.round(alpha * 1e9);
    }

    /** The index in {@code two} that is not {@code excluded} (or -1). */
    private static int firstExcluding(int[] two, int excluded) {
        if (two == null) {
            return -1;
        }
        return two[0] != excluded ? two[0] : two[1];
    }

    /** Keeps the first two indices seen. */
    private static void addIndex(Map<Object, int[]> m, Object key, int i) {
        int[] two = m.computeIfAbsent(key, k -> new int[] {-1, -1});
        if (two[0] < 0) {
            two[0] = i;
        } else if (two[1] < 0) {
            two[1] = i;
        }
    }

    private record NetKey(long alpha, int resolution, boolean standardConv, int blocks14, long macs) {
    }

    private record CellKey(long alpha, int resolution) {
    }

    /**
     * Grid points sharing an alpha or a resolution, sorted by (ln MACs, index) for the anchor search; within a run
     * of equal MACs the first entry has the smallest index (the one the procedure prefers on a tie).
     */
    private static final class Group {
        private final double[] ln;
        private final int[] idx;
        private final int[] runStart;

        Group(List<Integer> members, double[] lnMacs) {
            List<Integer> sorted = new ArrayList<>(members);
            sorted.sort((a, b) -> lnMacs[a] != lnMacs[b] ? Double.compare(lnMacs[a], lnMacs[b])
                    : Integer.compare(a, b));
            ln = new double[sorted.size()];
            idx = new int[sorted.size()];
            runStart = new int[sorted.size()];
            for (int k = 0; k < sorted.size(); k++) {
                idx[k] = sorted.get(k);
                ln[k] = lnMacs[idx[k]];
                runStart[k] = k > 0 && ln[k] == ln[k - 1] ? runStart[k - 1] : k;
            }
        }

        /** {index, distance bits} of the nearest member to {@code x} other than {@code excluded}, or null. */
        double[] nearest(double x, int excluded) {
            int lo = 0;
            int hi = ln.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ln[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int right = lo < idx.length && idx[lo] == excluded ? lo + 1 : lo;
            int left = -1;
            int end = lo - 1;
            while (end >= 0 && left < 0) {
                int start = runStart[end];
                left = idx[start] != excluded ? start : start + 1 <= end ? start + 1 : -1;
                end = start - 1;
            }
            double[] best = null;
            if (right < idx.length) {
                best = new double[] {idx[right], Math.abs(ln[right] - x)};
            }
            if (left >= 0) {
                double d = Math.abs(ln[left] - x);
                if (best == null || d < best[1] || d == best[1] && idx[left] < best[0]) {
                    best = new double[] {idx[left], d};
                }
            }
            return best;
        }
    }

    /**
     * The estimation procedure over a source's points, each query optionally leaving one point out: the
     * leave-one-out error then costs O(n log n) instead of rebuilding everything for every point (10,000 imported
     * rows took minutes). MACs are computed once per point.
     */
    private static final class Core {
        private final AccuracySource source;
        private final AccuracyMetric metric;
        private final List<AccuracyPoint> points;
        private final long[] macs;
        private final double[] value;
        private final double[] lnMacs;
        private final boolean[] standard;
        private final int gridSize;
        private final Map<Object, int[]> published = new HashMap<>();
        private final Map<Object, int[]> cells = new HashMap<>();
        private final TreeMap<Long, Integer> alphaCount = new TreeMap<>();
        private final Map<Long, Double> alphaValue = new HashMap<>();
        private final TreeMap<Integer, Integer> resCount = new TreeMap<>();
        private final TreeMap<Long, Integer> macsCount = new TreeMap<>();
        private final Map<Long, Group> byAlpha = new HashMap<>();
        private final Map<Integer, Group> byRes = new HashMap<>();
        private final double x0;
        private final double y0;
        private double sx;
        private double sy;
        private double sxx;
        private double sxy;
        private final LogMacsFit fit;
        private final String whyNoFit;
        private final Method method;
        private final List<Integer> gridIdx;
        private final QuadraticSurface surface;

        Core(AccuracySource source, AccuracyMetric metric, List<AccuracyPoint> points, Method method) {
            this.source = source;
            this.metric = metric;
            this.points = List.copyOf(points);
            int n = points.size();
            macs = new long[n];
            value = new double[n];
            lnMacs = new double[n];
            standard = new boolean[n];
            Map<Long, List<Integer>> alphaMembers = new HashMap<>();
            Map<Integer, List<Integer>> resMembers = new HashMap<>();
            int g = 0;
            double lnSum = 0;
            double ySum = 0;
            for (int i = 0; i < n; i++) {
                AccuracyPoint p = points.get(i);
                MobileNetConfig c = p.config();
                macs[i] = macs(c);
                value[i] = metric.of(p);
                lnMacs[i] = Math.log(macs[i]);
                standard[i] = p.isStandardStructure();
                long ak = alphaKey(c.alpha());
                addIndex(published, new NetKey(ak, c.resolution(), c.standardConv(), c.blocks14(), macs[i]), i);
                if (standard[i]) {
                    g++;
                    lnSum += lnMacs[i];
                    ySum += value[i];
                    addIndex(cells, new CellKey(ak, c.resolution()), i);
                    alphaCount.merge(ak, 1, Integer::sum);
                    alphaValue.putIfAbsent(ak, c.alpha());
                    resCount.merge(c.resolution(), 1, Integer::sum);
                    macsCount.merge(macs[i], 1, Integer::sum);
                    alphaMembers.computeIfAbsent(ak, k -> new ArrayList<>()).add(i);
                    resMembers.computeIfAbsent(c.resolution(), k -> new ArrayList<>()).add(i);
                }
            }
            gridSize = g;
            x0 = g == 0 ? 0 : lnSum / g;
            y0 = g == 0 ? 0 : ySum / g;
            for (int i = 0; i < n; i++) {
                if (standard[i]) {
                    double dx = lnMacs[i] - x0;
                    double dy = value[i] - y0;
                    sx += dx;
                    sy += dy;
                    sxx += dx * dx;
                    sxy += dx * dy;
                }
            }
            this.method = method;
            List<Integer> gi = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (standard[i]) {
                    gi.add(i);
                }
            }
            this.gridIdx = List.copyOf(gi);
            this.surface = method == Method.QUADRATIC ? surfaceWithout(-1) : null;
            alphaMembers.forEach((k, v) -> byAlpha.put(k, new Group(v, lnMacs)));
            resMembers.forEach((k, v) -> byRes.put(k, new Group(v, lnMacs)));
            this.fit = fit(-1);
            if (fit != null) {
                whyNoFit = "";
            } else if (gridSize >= MIN_POINTS_FOR_FIT) {
                whyNoFit = source.id() + " prints " + metric.id() + " for " + gridSize
                        + " standard configurations, all with the same MACs: a fit needs two distinct MAC counts";
            } else {
                List<String> labels = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (standard[i]) {
                        labels.add(points.get(i).config().label());
                    }
                }
                whyNoFit = source.id() + " prints " + metric.id() + " for " + gridSize + " standard configuration"
                        + (gridSize == 1 ? "" : "s") + (labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")")
                        + ": an estimate away from the grid needs at least " + MIN_POINTS_FOR_FIT;
            }
        }

        private boolean inGrid(int ex) {
            return ex >= 0 && standard[ex];
        }

        /** A count with point {@code ex} left out when {@code mine} (the key is {@code ex}'s own). */
        private static int eff(Integer count, boolean mine) {
            return count == null ? 0 : count - (mine ? 1 : 0);
        }

        private long exAlpha(int ex) {
            return inGrid(ex) ? alphaKey(points.get(ex).config().alpha()) : Long.MIN_VALUE;
        }

        private int exRes(int ex) {
            return inGrid(ex) ? points.get(ex).config().resolution() : Integer.MIN_VALUE;
        }

        private long exMacs(int ex) {
            return inGrid(ex) ? macs[ex] : Long.MIN_VALUE;
        }

        /** The first (ascending) or last key of {@code m} still present with {@code ex} left out. */
        private static <K> K end(TreeMap<K, Integer> m, K exKey, boolean first) {
            K k = first ? (m.isEmpty() ? null : m.firstKey()) : (m.isEmpty() ? null : m.lastKey());
            while (k != null && eff(m.get(k), k.equals(exKey)) == 0) {
                k = first ? m.higherKey(k) : m.lowerKey(k);
            }
            return k;
        }

        /** The next key below ({@code lower}) or above {@code key} still present with {@code ex} left out. */
        private static <K> K next(TreeMap<K, Integer> m, K key, K exKey, boolean lower) {
            K k = lower ? m.lowerKey(key) : m.higherKey(key);
            while (k != null && eff(m.get(k), k.equals(exKey)) == 0) {
                k = lower ? m.lowerKey(k) : m.higherKey(k);
            }
            return k;
        }

        /** The ln(MACs) fit over the grid with {@code ex} left out, or null when there is none. */
        private LogMacsFit fit(int ex) {
            boolean in = inGrid(ex);
            int n = gridSize - (in ? 1 : 0);
            int distinct = macsCount.size() - (in && macsCount.get(macs[ex]) == 1 ? 1 : 0);
            if (n < MIN_POINTS_FOR_FIT || distinct < 2) {
                return null;
            }
            double dx = in ? lnMacs[ex] - x0 : 0;
            double dy = in ? value[ex] - y0 : 0;
            double mx = (sx - dx) / n;
            double my = (sy - dy) / n;
            double cxx = (sxx - dx * dx) - n * mx * mx;
            double cxy = (sxy - dx * dy) - n * mx * my;
            double slope = cxy / cxx;
            long exM = exMacs(ex);
            return new LogMacsFit((my + y0) - slope * (mx + x0), slope, n, end(macsCount, exM, true),
                    end(macsCount, exM, false));
        }

        Accuracy estimate(MobileNetConfig c, LeaveOneOut error) {
            return estimate(c, macs(c), -1, error);
        }

        /** The procedure for {@code c} (of {@code macs} MACs) with point {@code ex} left out (-1: none). */
        Accuracy estimate(MobileNetConfig c, long macs, int ex, LeaveOneOut error) {
            int pub = firstExcluding(published.get(new NetKey(alphaKey(c.alpha()), c.resolution(), c.standardConv(),
                    c.blocks14(), macs)), ex);
            if (pub >= 0) {
                AccuracyPoint p = points.get(pub);
                return new Accuracy(value[pub], AccuracyKind.PUBLISHED, false, source.id(), metric,
                        "published: " + p.label() + " (" + source.id() + ", " + p.origin() + ")", error);
            }
            int remaining = points.size() - (ex >= 0 ? 1 : 0);
            if (remaining == 0 && source.points().isEmpty()) {
                return none(source.id() + " has no points", error);
            }
            if (remaining == 0) {
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
            long exA0 = exAlpha(ex);
            int exR0 = exRes(ex);
            QuadraticSurface s = method != Method.QUADRATIC ? null : inGrid(ex) ? surfaceWithout(ex) : surface;
            if (s != null) {
                double minA = alphaValue.get(end(alphaCount, exA0, true));
                double maxA = alphaValue.get(end(alphaCount, exA0, false));
                int minR = end(resCount, exR0, true);
                int maxR = end(resCount, exR0, false);
                boolean extrapolated = !surrounded(c, ex);
                String method = String.format(Locale.ROOT, "%s over %d %s %s points%s",
                        Method.QUADRATIC.description(), s.n(), source.id(), key(c), extrapolated
                                ? String.format(Locale.ROOT, "; extrapolated: outside the published points of"
                                + " alpha %s..%s, resolution %d..%d", MobileNetConfig.fmt(minA),
                                MobileNetConfig.fmt(maxA), minR, maxR) : "");
                return new Accuracy(s.at(c.alpha(), c.resolution()), AccuracyKind.FITTED, extrapolated,
                        source.id(), metric, method, error);
            }
            Accuracy interpolated = interpolate(c, ex, error);
            if (interpolated != null) {
                return interpolated;
            }
            LogMacsFit f = ex < 0 ? fit : fit(ex);
            if (f == null) {
                return none(ex < 0 ? whyNoFit : "no fit", error);
            }
            long exA = exAlpha(ex);
            int exR = exRes(ex);
            double minA = alphaValue.get(end(alphaCount, exA, true));
            double maxA = alphaValue.get(end(alphaCount, exA, false));
            int minR = end(resCount, exR, true);
            int maxR = end(resCount, exR, false);
            boolean extrapolated = c.alpha() < minA - 1e-9 || c.alpha() > maxA + 1e-9 || c.resolution() < minR
                    || c.resolution() > maxR || macs < f.minMacs() || macs > f.maxMacs();
            String range = extrapolated ? String.format(Locale.ROOT,
                    "; extrapolated beyond alpha %s..%s, resolution %d..%d, MACs %.1fM..%.1fM",
                    MobileNetConfig.fmt(minA), MobileNetConfig.fmt(maxA), minR, maxR, f.minMacs() / 1e6,
                    f.maxMacs() / 1e6) : "";
            int anchor = anchor(c, macs, ex);
            if (anchor >= 0) {
                AccuracyPoint a = points.get(anchor);
                long am = this.macs[anchor];
                double v = value[anchor] + f.slope() * (Math.log(macs) - Math.log(am));
                String method = String.format(Locale.ROOT,
                        "anchored fit: %s %s %.1f at %.1fM MACs + %.3f ln(MACs ratio), slope from %d %s points,"
                                + " at %.1fM MACs%s", source.id(), a.config().label(), value[anchor],
                        am / 1e6, f.slope(), f.n(), source.id(), macs / 1e6, range);
                return new Accuracy(v, AccuracyKind.FITTED, extrapolated, source.id(), metric, method, error);
            }
            String method = String.format(Locale.ROOT,
                    "fit %s = %.2f + %.3f ln(MACs) over %d %s points, at %.1fM MACs%s", metric.id(), f.intercept(),
                    f.slope(), f.n(), source.id(), macs / 1e6, range);
            return new Accuracy(f.at(macs), AccuracyKind.FITTED, extrapolated, source.id(), metric, method, error);
        }

        /**
         * True when published points (other than {@code ex}) lie on every side of {@code c} in (alpha, resolution):
         * one at or below both, at or above both, and at each mixed corner. Outside that (beyond the grid, or in the
         * empty corner of an L-shaped design such as the paper's Tables 6 and 7) a surface value is an extrapolation.
         */
        private boolean surrounded(MobileNetConfig c, int ex) {
            boolean ll = false;
            boolean lh = false;
            boolean hl = false;
            boolean hh = false;
            for (int i : gridIdx) {
                if (i == ex) {
                    continue;
                }
                MobileNetConfig pc = points.get(i).config();
                boolean aLo = pc.alpha() <= c.alpha() + 1e-9;
                boolean aHi = pc.alpha() >= c.alpha() - 1e-9;
                boolean rLo = pc.resolution() <= c.resolution();
                boolean rHi = pc.resolution() >= c.resolution();
                ll |= aLo && rLo;
                lh |= aLo && rHi;
                hl |= aHi && rLo;
                hh |= aHi && rHi;
            }
            return ll && lh && hl && hh;
        }

        /** The quadratic surface over the grid with {@code ex} left out, or null when those points cannot fit it. */
        private QuadraticSurface surfaceWithout(int ex) {
            List<double[]> rows = new ArrayList<>(gridIdx.size());
            for (int i : gridIdx) {
                if (i != ex) {
                    MobileNetConfig pc = points.get(i).config();
                    rows.add(new double[] {pc.alpha(), pc.resolution(), value[i]});
                }
            }
            return QuadraticSurface.fit(rows).orElse(null);
        }

        /**
         * The published point sharing the query's alpha or resolution that is nearest in ln(MACs) (the first in the
         * source's order on a tie), or -1. The fit's slope is then applied from that point instead of from the fit's
         * intercept: a source's own neighbour carries what the line through all points misses (accuracy is not a
         * function of MACs alone).
         */
        private int anchor(MobileNetConfig c, long macs, int ex) {
            double x = Math.log(macs);
            double[] best = null;
            for (Group grp : new Group[] {byAlpha.get(alphaKey(c.alpha())), byRes.get(c.resolution())}) {
                double[] cand = grp == null ? null : grp.nearest(x, ex);
                if (cand != null && (best == null || cand[1] < best[1] || cand[1] == best[1] && cand[0] < best[0])) {
                    best = cand;
                }
            }
            return best == null ? -1 : (int) best[0];
        }

        private Accuracy none(String why, LeaveOneOut error) {
            return new Accuracy(null, AccuracyKind.NONE, false, source.id(), metric, why, error);
        }

        /** Interpolation inside the grid, or null when no rectangle of published points encloses {@code c}. */
        private Accuracy interpolate(MobileNetConfig c, int ex, LeaveOneOut error) {
            long exA = exAlpha(ex);
            int exR = exRes(ex);
            long ak = alphaKey(c.alpha());
            double a = c.alpha();
            double r = c.resolution();
            boolean aOnGrid = eff(alphaCount.get(ak), ak == exA) > 0;
            boolean rOnGrid = eff(resCount.get(c.resolution()), c.resolution() == exR) > 0;
            Long aLoKey = next(alphaCount, ak, exA, true);
            Long aHiKey = next(alphaCount, ak, exA, false);
            Double aLo = aLoKey == null ? null : alphaValue.get(aLoKey);
            Double aHi = aHiKey == null ? null : alphaValue.get(aHiKey);
            Integer rLo = next(resCount, c.resolution(), exR, true);
            Integer rHi = next(resCount, c.resolution(), exR, false);
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
                Double v00 = value(q[0], q[2], ex);
                Double v10 = value(q[1], q[2], ex);
                Double v01 = value(q[0], q[3], ex);
                Double v11 = value(q[1], q[3], ex);
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

        private Double value(double a, double r, int ex) {
            int i = firstExcluding(cells.get(new CellKey(alphaKey(a), (int) r)), ex);
            return i < 0 ? null : value[i];
        }
    }
}
