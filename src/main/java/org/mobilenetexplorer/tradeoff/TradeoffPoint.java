package org.mobilenetexplorer.tradeoff;

import java.util.Objects;
import org.mobilenetexplorer.accuracy.Accuracy;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * One configuration with its costs, measured latency and accuracy, each with provenance.
 *
 * @param candidate the configuration and its label
 * @param macs      MACs computed by the cost model
 * @param params    params (weights + biases) computed by the cost model
 * @param latency   the measured latency, or null when not measured
 * @param accuracy  the accuracy according to the analysis' source (may be {@code NONE})
 * @param pareto    true when on the Pareto front of the analysis' cost axis
 */
public record TradeoffPoint(Candidate candidate, long macs, long params, MeasuredLatency latency, Accuracy accuracy,
                            boolean pareto) {
    public TradeoffPoint {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(accuracy, "accuracy");
    }

    public MobileNetConfig config() {
        return candidate.config();
    }

    public String label() {
        return candidate.label();
    }

    /** The cost on {@code axis} in the axis' unit (ms, million MACs, million params); NaN when missing. */
    public double cost(CostAxis axis) {
        return switch (axis) {
            case LATENCY -> latency == null ? Double.NaN : latency.medianMs();
            case MACS -> macs / 1e6;
            case PARAMS -> params / 1e6;
        };
    }

    /** The accuracy in percent; NaN when the source has no value. */
    public double accuracyValue() {
        return accuracy.present() ? accuracy.value() : Double.NaN;
    }

    /** True when both coordinates exist on {@code axis}. */
    public boolean plottable(CostAxis axis) {
        return !Double.isNaN(cost(axis)) && accuracy.present();
    }

    TradeoffPoint withPareto(boolean p) {
        return new TradeoffPoint(candidate, macs, params, latency, accuracy, p);
    }
}
