package org.mobilenetexplorer.chart;

import org.mobilenetexplorer.tradeoff.TradeoffPoint;

/**
 * One plotted item with everything a tooltip, a click handler or a data export needs.
 *
 * @param x            x value in the axis unit
 * @param y            y value in the axis unit
 * @param label        the item label drawn beside the marker ({@code 0.75-192}, {@code GoogleNet}, ...)
 * @param role         what kind of item it is
 * @param estimated    true when y is an estimate (drawn hollow, "est." in the label)
 * @param extrapolated true when the estimate lies beyond the source's published range
 * @param sourceId     the accuracy source (or the reference data's source for reference items)
 * @param provenance   one line: where x and y come from (result file and backend, published table, estimator)
 * @param point        the trade-off point behind it, or null for reference items
 */
public record PlotPoint(double x, double y, String label, Role role, boolean estimated, boolean extrapolated,
                        String sourceId, String provenance, TradeoffPoint point) {

    /** The roles of plotted items. */
    public enum Role {
        /** A configuration of the analysis. */
        CONFIGURATION,
        /** A vertex of the Pareto front line. */
        PARETO,
        /** One of the paper's comparison models (published numbers). */
        COMPARISON_MODEL,
        /** A published phone latency (never our own measurement). */
        PUBLISHED_LATENCY
    }

    /** The label as drawn: "est." for estimated values, "est.*" when extrapolated beyond the published range. */
    public String displayLabel() {
        return estimated ? label + (extrapolated ? " est.*" : " est.") : label;
    }
}
