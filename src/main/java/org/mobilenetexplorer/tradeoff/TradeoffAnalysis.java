package org.mobilenetexplorer.tradeoff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.accuracy.AccuracyMetric;
import org.mobilenetexplorer.accuracy.AccuracySource;
import org.mobilenetexplorer.accuracy.LeaveOneOut;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Totals;

/**
 * The trade-off of a list of configurations on one cost axis against one accuracy source and metric: every
 * point with its costs, latency and accuracy, and the Pareto front. Immutable; the data model behind the
 * {@code tradeoff} command, the charts and the GUI.
 */
public final class TradeoffAnalysis {
    private final List<TradeoffPoint> points;
    private final CostAxis axis;
    private final AccuracyMetric metric;
    private final AccuracySource source;
    private final LeaveOneOut estimatorError;
    private final String estimatorModels;
    private final LatencyTable latency;
    private final List<String> notes;

    private TradeoffAnalysis(List<TradeoffPoint> points, CostAxis axis, AccuracyMetric metric, AccuracySource source,
                             LeaveOneOut estimatorError, String estimatorModels, LatencyTable latency,
                             List<String> notes) {
        this.points = List.copyOf(points);
        this.axis = axis;
        this.metric = metric;
        this.source = source;
        this.estimatorError = estimatorError;
        this.estimatorModels = estimatorModels;
        this.latency = latency;
        this.notes = List.copyOf(notes);
    }

    /**
     * Analyses {@code candidates} (labels made unique by {@link Candidate#distinctLabels(List)}). {@code latency}
     * may be empty; then {@link CostAxis#LATENCY} has no plottable points and a note says so.
     */
    public static TradeoffAnalysis of(List<Candidate> candidates, AccuracyEstimator accuracy, LatencyTable latency,
                                      CostAxis axis) {
        Objects.requireNonNull(axis, "axis");
        List<TradeoffPoint> pts = new ArrayList<>();
        for (Candidate c : Candidate.distinctLabels(candidates)) {
            Totals t = NetworkStats.of(c.config()).totals();
            pts.add(new TradeoffPoint(c, t.macs(), t.params(), latency.latency(c.config()).orElse(null),
                    accuracy.estimate(c.config()), false));
        }
        boolean[] front = Pareto.front(pts, p -> p.cost(axis), TradeoffPoint::accuracyValue);
        for (int i = 0; i < pts.size(); i++) {
            pts.set(i, pts.get(i).withPareto(front[i]));
        }
        List<String> notes = new ArrayList<>(latency.notes());
        long missingLatency = pts.stream().filter(p -> p.latency() == null).count();
        if (latency.isEmpty()) {
            if (notes.isEmpty()) {
                notes.add("no benchmark results: latency not available, MACs and params only");
            }
        } else if (missingLatency > 0) {
            notes.add(missingLatency + " of " + pts.size() + " configurations have no " + latency.backend()
                    + " measurement" + (axis == CostAxis.LATENCY ? " and are left out of the chart and front" : ""));
        }
        long none = pts.stream().filter(p -> !p.accuracy().present()).count();
        if (none > 0) {
            notes.add(none + " configuration(s) without " + accuracy.metric().id() + " from " + accuracy.source().id()
                    + ": " + pts.stream().filter(p -> !p.accuracy().present()).findFirst().orElseThrow()
                    .accuracy().method());
        }
        long est = pts.stream().filter(p -> p.accuracy().estimated()).count();
        if (est > 0) {
            notes.add(est + " accuracy value(s) estimated (est.), estimator per family: " + accuracy.errorSummary()
                    + " on " + accuracy.source().id());
        }
        notes.add("MACs and params computed: " + (candidates.stream().allMatch(c -> c.config().family() == Family.V1)
                ? CostModel.CONVENTION : CostModel.CONVENTION_ALL_FAMILIES));
        return new TradeoffAnalysis(pts, axis, accuracy.metric(), accuracy.source(), accuracy.error(),
                accuracy.errorSummary(), latency, notes);
    }

    /** The same points on another cost axis (Pareto front recomputed). */
    public TradeoffAnalysis onAxis(CostAxis other) {
        List<TradeoffPoint> pts = new ArrayList<>(points);
        boolean[] front = Pareto.front(pts, p -> p.cost(other), TradeoffPoint::accuracyValue);
        for (int i = 0; i < pts.size(); i++) {
            pts.set(i, pts.get(i).withPareto(front[i]));
        }
        return new TradeoffAnalysis(pts, other, metric, source, estimatorError, estimatorModels, latency, notes);
    }

    /** Every point, in candidate order. */
    public List<TradeoffPoint> points() {
        return points;
    }

    /** The points with both coordinates on this axis. */
    public List<TradeoffPoint> plottable() {
        return points.stream().filter(p -> p.plottable(axis)).toList();
    }

    /** The Pareto front, cheapest first (duplicates kept, see {@link Pareto}). */
    public List<TradeoffPoint> paretoFront() {
        return points.stream().filter(TradeoffPoint::pareto)
                .sorted(Comparator.comparingDouble((TradeoffPoint p) -> p.cost(axis))
                        .thenComparing(TradeoffPoint::label))
                .toList();
    }

    public CostAxis axis() {
        return axis;
    }

    public AccuracyMetric metric() {
        return metric;
    }

    public AccuracySource source() {
        return source;
    }

    /** The estimator's leave-one-out error on the source. */
    public LeaveOneOut estimatorError() {
        return estimatorError;
    }

    /**
     * The estimator's model and leave-one-out error per family of the source
     * ({@code v1: quadratic surface ..., LOO MAE 0.18, max 0.50 pts (n=16); v2: ...}).
     */
    public String estimatorModels() {
        return estimatorModels;
    }

    public LatencyTable latency() {
        return latency;
    }

    /** Notes to print under a table or chart: what is missing, estimated, skipped, and the MAC convention. */
    public List<String> notes() {
        return notes;
    }
}
