package org.mobilenetexplorer.tradeoff;

import java.util.Objects;
import org.mobilenetexplorer.model.Precision;

/**
 * One series of a latency trade-off chart: one device, one precision, one kind of latency (measured, predicted or
 * published), never mixed. Its analysis holds the points with their accuracy from the precision's own source.
 *
 * @param name      legend text ({@code AMD EPYC 9R45, Linux amd64 · FP32 measured}, {@code published, Pixel 1})
 * @param tag       short text added to each point's label so labels stay unique across series ("" for the first
 *                  series; {@code int8}, {@code pred.}, {@code Pixel 1}, a short device name)
 * @param device    the device's label
 * @param precision the precision of every latency in it
 * @param kind      measured, predicted or published
 * @param analysis  the points (latency axis) with accuracy, Pareto front and notes
 */
public record LatencySeries(String name, String tag, String device, Precision precision, LatencyKind kind,
                            TradeoffAnalysis analysis) {
    public LatencySeries {
        Objects.requireNonNull(name, "name");
        tag = tag == null ? "" : tag;
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(analysis, "analysis");
    }

    /** A point's label in this series: the configuration's label and the series tag. */
    public String pointLabel(TradeoffPoint p) {
        return tag.isEmpty() ? p.label() : p.label() + " " + tag;
    }
}
