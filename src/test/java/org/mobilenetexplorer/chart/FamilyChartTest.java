package org.mobilenetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.accuracy.AccuracyCatalog;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.accuracy.AccuracyMetric;
import org.mobilenetexplorer.preset.Presets;
import org.mobilenetexplorer.tradeoff.Candidate;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.tradeoff.LatencyTable;
import org.mobilenetexplorer.tradeoff.TradeoffAnalysis;

class FamilyChartTest {

    private static TradeoffAnalysis tfSlim() {
        List<Candidate> c = Presets.bundled("tf-slim-mobilenets.json").configs().stream()
                .map(e -> new Candidate(e.config())).toList();
        return TradeoffAnalysis.of(c, new AccuracyEstimator(AccuracyCatalog.bundled().source("tf-slim"),
                AccuracyMetric.TOP1), LatencyTable.empty(null, "no results"), CostAxis.MACS);
    }

    @Test
    void theAccuracyAxisTicksWholePercentsAndAnEmptyChartSaysWhy() {
        JFreeChart chart = TradeoffCharts.accuracyVsCost(tfSlim(), ChartOptions.defaults());
        XYPlot plot = (XYPlot) chart.getPlot();
        org.jfree.chart.axis.NumberAxis y = (org.jfree.chart.axis.NumberAxis) plot.getRangeAxis();
        assertTrue(y.getStandardTickUnits().getCeilingTickUnit(0.1).getSize() >= 1,
                "no tick finer than its '0' format: an empty chart's 0..1 printed 0 0 0 1 1 1");
        assertTrue(plot.getNoDataMessage() != null && plot.getNoDataMessage().startsWith("No points"));
    }

    @Test
    void oneSeriesPerFamilyWithDistinctMarkersAndALegend(@TempDir Path dir) throws Exception {
        JFreeChart chart = TradeoffCharts.accuracyVsCost(tfSlim(), ChartOptions.defaults());
        XYPlot plot = (XYPlot) chart.getPlot();
        TradeoffDataset d = (TradeoffDataset) plot.getDataset(0);
        assertEquals(6, d.getSeriesCount());
        assertEquals(List.of(16, 22, 2, 1, 2, 1), java.util.stream.IntStream.range(0, 6).map(d::getItemCount)
                .boxed().toList());
        assertTrue(d.getSeriesKey(1).toString().equals("MobileNet v2 [tf-slim top1]"), d.getSeriesKey(1).toString());
        XYItemRenderer r = plot.getRenderer(0);
        Set<Object> paints = new HashSet<>();
        Set<String> shapes = new HashSet<>();
        for (int s = 0; s < 6; s++) {
            paints.add(r.getSeriesPaint(s));
            Shape sh = r.getSeriesShape(s);
            Rectangle2D b = sh.getBounds2D();
            shapes.add(sh.getClass().getSimpleName() + "/" + java.util.Arrays.toString(pathOf(sh)) + b);
        }
        assertEquals(6, paints.size());
        assertEquals(6, shapes.size());
        LegendItemCollection legend = plot.getFixedLegendItems();
        Set<String> legendLabels = new HashSet<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            legendLabels.add(legend.get(i).getLabel());
        }
        assertTrue(legendLabels.stream().anyMatch(l -> l.equals("MobileNet v3-Small minimalistic [tf-slim top1]")),
                legendLabels.toString());
        Set<String> labels = new HashSet<>();
        for (int s = 0; s < 6; s++) {
            for (int i = 0; i < d.getItemCount(s); i++) {
                assertTrue(labels.add(d.point(s, i).displayLabel()), "duplicate " + d.point(s, i).displayLabel());
            }
        }
        assertEquals(44, labels.size());
        Path png = dir.resolve("families.png");
        ChartExport.write(chart, png, 1200, 800, 1.0);
        assertTrue(Files.size(png) > 10_000);
    }

    private static double[] pathOf(Shape s) {
        double[] out = new double[64];
        double[] seg = new double[6];
        int i = 0;
        for (var it = s.getPathIterator(null); !it.isDone() && i + 2 <= out.length; it.next()) {
            it.currentSegment(seg);
            out[i++] = Math.round(seg[0] * 100) / 100.0;
            out[i++] = Math.round(seg[1] * 100) / 100.0;
        }
        return out;
    }
}
