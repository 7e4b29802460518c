package org.mobilenetexplorer.ui.tradeoff;

import org.mobilenetexplorer.tradeoff.TradeoffPoint;

/**
 * One trade-off point as the points table shows it.
 *
 * @param point      the point
 * @param label      configuration label
 * @param cost       cost on the current axis, with unit
 * @param accuracy   accuracy with its "est." flag
 * @param pareto     "yes" when on the Pareto front
 * @param provenance where the accuracy and the latency come from
 */
public record PointRow(TradeoffPoint point, String label, String cost, String accuracy, String pareto,
                       String provenance) {
}
