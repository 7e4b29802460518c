package org.mobilenetexplorer.tradeoff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;

/**
 * Iso-cost queries: "which configurations cost what this one costs (within +-X%), and which of them is the most
 * accurate?", and "what alpha at resolution R costs what the reference costs?".
 */
public final class IsoCost {
    private IsoCost() {
    }

    /**
     * One configuration near the reference cost.
     *
     * @param point        the configuration's trade-off point
     * @param relativeCost cost / reference cost - 1 (e.g. -0.03 = 3% cheaper)
     */
    public record Match(TradeoffPoint point, double relativeCost) {
    }

    /**
     * The result of a query.
     *
     * @param reference the reference point
     * @param axis      the cost compared
     * @param tolerance the relative tolerance (0.1 = +-10%)
     * @param matches   the points within tolerance (reference excluded), most accurate first; ties by closeness
     *                  of cost, then label; points without accuracy last
     */
    public record Result(TradeoffPoint reference, CostAxis axis, double tolerance, List<Match> matches) {
        public Result {
            matches = List.copyOf(matches);
        }
    }

    /**
     * Finds the points of {@code analysis} within {@code tolerance} of {@code reference}'s cost on
     * {@code axis}. The reference must be one of the analysis' points and have that cost.
     */
    public static Result query(TradeoffAnalysis analysis, MobileNetConfig reference, CostAxis axis, double tolerance) {
        if (!(tolerance >= 0 && tolerance < 10)) {
            throw new IllegalArgumentException("tolerance = " + tolerance * 100 + "%: must be in [0, 1000)");
        }
        TradeoffPoint ref = analysis.points().stream().filter(p -> p.config().equals(reference)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("reference " + reference.label()
                        + " is not among the analysed configurations"));
        double refCost = ref.cost(axis);
        if (Double.isNaN(refCost)) {
            throw new IllegalArgumentException("reference " + ref.label() + " has no " + axis.id()
                    + (axis == CostAxis.LATENCY ? " measurement (run bench for it first)" : ""));
        }
        List<Match> out = new ArrayList<>();
        for (TradeoffPoint p : analysis.points()) {
            double c = p.cost(axis);
            if (p == ref || Double.isNaN(c)) {
                continue;
            }
            double rel = c / refCost - 1;
            if (Math.abs(rel) <= tolerance + 1e-12) {
                out.add(new Match(p, rel));
            }
        }
        out.sort(Comparator.comparingDouble((Match m) -> m.point().accuracy().present() ? -m.point().accuracyValue()
                        : Double.POSITIVE_INFINITY)
                .thenComparingDouble(m -> Math.abs(m.relativeCost()))
                .thenComparing(m -> m.point().label()));
        return new Result(ref, axis, tolerance, out);
    }

    /** A grid of candidates: every alpha x every resolution, other knobs from {@code base}. */
    public static List<Candidate> grid(MobileNetConfig base, List<Double> alphas, List<Integer> resolutions) {
        List<Candidate> out = new ArrayList<>();
        for (double a : alphas) {
            for (int r : resolutions) {
                out.add(new Candidate(base.withAlpha(a).withResolution(r)));
            }
        }
        return out;
    }

    /**
     * The alpha (to 0.001) at resolution {@code resolution} whose MACs are closest to {@code targetMacs}, other
     * knobs from {@code base}. MACs grow with alpha (in steps, channels are integers), so this is a bisection
     * followed by a look at the neighbours. The answer may exceed what any source has accuracy for.
     *
     * @return the configuration, or null when even alpha = 4 or alpha = 0.001 cannot reach the target
     */
    public static MobileNetConfig alphaForMacs(MobileNetConfig base, int resolution, long targetMacs) {
        Objects.requireNonNull(base, "base");
        MobileNetConfig at = base.withResolution(resolution);
        int lo = 1;      // alpha in thousandths
        int hi = 4000;
        if (macs(at, hi) < targetMacs || macs(at, lo) > targetMacs) {
            return null;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (macs(at, mid) < targetMacs) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        int best = Math.abs(macs(at, lo) - targetMacs) <= Math.abs(macs(at, hi) - targetMacs) ? lo : hi;
        return at.withAlpha(best / 1000.0);
    }

    private static long macs(MobileNetConfig c, int milliAlpha) {
        return NetworkStats.of(c.withAlpha(milliAlpha / 1000.0)).totals().macs();
    }
}
