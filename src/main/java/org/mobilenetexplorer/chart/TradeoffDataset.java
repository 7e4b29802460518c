package org.mobilenetexplorer.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * An immutable XY dataset whose items are {@link PlotPoint} records: {@link #point(int, int)} maps a clicked or
 * hovered item (series, item) back to its configuration and provenance.
 */
public final class TradeoffDataset extends AbstractXYDataset {
    private static final long serialVersionUID = 1L;

    /**
     * One series.
     *
     * @param key    legend text (names the source and, for latency, the backend)
     * @param points the items in drawing order
     */
    public record Series(String key, List<PlotPoint> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    private final List<Series> series;

    public TradeoffDataset(List<Series> series) {
        this.series = List.copyOf(series);
    }

    public List<Series> series() {
        return series;
    }

    /** The record behind item {@code item} of series {@code s}. */
    public PlotPoint point(int s, int item) {
        return series.get(s).points().get(item);
    }

    /** Every plotted record, series by series. */
    public List<PlotPoint> allPoints() {
        List<PlotPoint> out = new ArrayList<>();
        series.forEach(s -> out.addAll(s.points()));
        return out;
    }

    @Override
    public int getSeriesCount() {
        return series.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int s) {
        return series.get(s).key();
    }

    @Override
    public int getItemCount(int s) {
        return series.get(s).points().size();
    }

    @Override
    public Number getX(int s, int item) {
        return point(s, item).x();
    }

    @Override
    public Number getY(int s, int item) {
        return point(s, item).y();
    }

    @Override
    public double getXValue(int s, int item) {
        return point(s, item).x();
    }

    @Override
    public double getYValue(int s, int item) {
        return point(s, item).y();
    }
}
