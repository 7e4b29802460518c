package org.mobilenetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.tradeoff.Candidate;
import org.mobilenetexplorer.tradeoff.LatencySeries;
import org.mobilenetexplorer.tradeoff.SeriesComposer;
import org.mobilenetexplorer.tradeoff.SeriesComposerTest;

/** The latency chart with device x precision x measured/predicted/published series, exported. */
class SeriesChartTest {

    static List<LatencySeries> everyKind() {
        List<Candidate> grid = new ArrayList<>();
        for (double a : new double[] {1.0, 0.75, 0.5, 0.25}) {
            for (int r : new int[] {224, 160, 128}) {
                grid.add(new Candidate(new MobileNetConfig(a, r).withClasses(1001)));
            }
        }
        return SeriesComposer.compose(grid, SeriesComposerTest.twoDevices(), Path.of("results"), null,
                new SeriesComposer.Request(List.of(), List.of(Precision.FP32, Precision.INT8), true,
                        List.of("Pixel 1", "Pixel 3")), SeriesComposerTest.ACCURACY,
                SeriesComposerTest.fakePredictor("AMD EPYC 9R45, Linux amd64"), PublishedData.bundled(),
                new ArrayList<>());
    }

    @Test
    void everySeriesHasItsLegendEntryAndLabelsAreUniqueAndInsideThePlot(@TempDir Path dir) throws Exception {
        List<LatencySeries> series = everyKind();
        assertEquals(6, series.size(), series.stream().map(LatencySeries::name).toList().toString());
        for (int[] size : new int[][] {{1280, 800}, {900, 600}}) {
            JFreeChart chart = TradeoffCharts.accuracyVsLatency(series, ChartOptions.defaults());
            ChartExport.image(chart, size[0], size[1], 1.0);
            XYPlot plot = (XYPlot) chart.getPlot();
            TradeoffDataset d = (TradeoffDataset) plot.getDataset(0);
            TradeoffCharts.PointRenderer r = (TradeoffCharts.PointRenderer) plot.getRenderer();
            Set<String> labels = new HashSet<>();
            for (PlotPoint p : d.allPoints()) {
                assertTrue(labels.add(p.displayLabel()), "label twice: " + p.displayLabel());
            }
            assertEquals(d.allPoints().size(), r.labelBoxes().size());
            Rectangle2D image = new Rectangle2D.Double(0, 0, size[0], size[1]);
            for (var e : r.labelBoxes().entrySet()) {
                assertTrue(image.contains(e.getValue()) && r.dataArea().contains(e.getValue()), e.getKey() + " "
                        + e.getValue() + " outside the plot " + r.dataArea() + " at " + size[0] + "x" + size[1]);
            }
            List<String> legend = new ArrayList<>();
            for (int i = 0; i < plot.getFixedLegendItems().getItemCount(); i++) {
                legend.add(plot.getFixedLegendItems().get(i).getLabel());
            }
            assertTrue(legend.contains("AMD EPYC 9R45, Linux amd64 \u00b7 FP32 measured [tf-slim-2018 top1]"), legend.toString());
            assertTrue(legend.contains("AMD EPYC 9R45, Linux amd64 \u00b7 INT8 measured [tf-slim-quant-2018-08 top1]"),
                    legend.toString());
            assertTrue(legend.contains("AMD EPYC 9R45, Linux amd64 \u00b7 FP32 predicted [tf-slim-2018 top1]"), legend.toString());
            assertTrue(legend.contains("published, Pixel 1 [tf-slim-2018 top1]"), legend.toString());
            assertTrue(legend.stream().anyMatch(l -> l.startsWith("hollow, dashed = predicted")), legend.toString());
            assertTrue(legend.stream().anyMatch(l -> l.startsWith("thin line = one configuration in FP32")),
                    legend.toString());
            // the FP32 and INT8 points of 1.0-224 on the first device are joined by one line
            TradeoffDataset links = (TradeoffDataset) plot.getDataset(2);
            assertEquals(1, links.getSeriesCount());
            assertEquals(List.of("1.0-224", "1.0-224 int8"), links.series().get(0).points().stream()
                    .map(PlotPoint::label).toList());
        }
        // predicted points are hollow and say "predicted" in their provenance; measured ones are filled
        JFreeChart chart = TradeoffCharts.accuracyVsLatency(series, ChartOptions.defaults());
        TradeoffDataset d = (TradeoffDataset) ((XYPlot) chart.getPlot()).getDataset(0);
        TradeoffCharts.PointRenderer r = (TradeoffCharts.PointRenderer) ((XYPlot) chart.getPlot()).getRenderer();
        for (int s = 0; s < d.getSeriesCount(); s++) {
            for (int i = 0; i < d.getItemCount(s); i++) {
                PlotPoint p = d.point(s, i);
                boolean predicted = series.get(s).kind() == org.mobilenetexplorer.tradeoff.LatencyKind.PREDICTED;
                assertEquals(predicted, p.provenance().contains("predicted latency"), p.provenance());
                if (predicted) {
                    assertFalse(r.getItemShapeFilled(s, i), p.label());
                } else if (!p.estimated()) {
                    assertTrue(r.getItemShapeFilled(s, i), p.label());
                }
            }
        }
        Path csv = dir.resolve("series.csv");
        ChartExport.write(chart, csv, 1280, 800, 1.0);
        String text = Files.readString(csv);
        assertTrue(text.contains("published, Pixel 1"), text.substring(0, Math.min(400, text.length())));
        Path svg = dir.resolve("series.svg");
        ChartExport.write(chart, svg, 1280, 800, 1.0);
        assertTrue(Files.size(svg) > 10_000);
    }
}
