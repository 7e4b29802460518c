package org.mobilenetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.accuracy.AccuracyMetric;
import org.mobilenetexplorer.accuracy.AccuracyPoint;
import org.mobilenetexplorer.accuracy.AccuracySource;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.tradeoff.Candidate;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.tradeoff.LatencyTable;
import org.mobilenetexplorer.tradeoff.TradeoffAnalysis;

/**
 * Issue 12 item 5: chart text of any length is drawn in bounded time. JFreeChart breaks an unspaced word by measuring
 * ever longer prefixes (a 16,000-character title took 166 s to draw on a busy 2-core machine), so every line the
 * charts draw from outside text is bounded: the title is refused over {@value ChartOptions#MAX_TITLE} characters,
 * provenance and legend lines are cut to {@value TradeoffCharts#MAX_LINE}.
 */
class ChartTextBoundsTest {

    @Test
    void aTitleOverTheLimitIsRefusedWithItsLength() {
        ChartOptions.defaults().withTitle("t".repeat(ChartOptions.MAX_TITLE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartOptions.defaults().withTitle("t".repeat(16_000)));
        assertEquals("title: 16000 characters: at most 200", e.getMessage());
    }

    @Test
    void linesFromFilesAreCutBeforeTheyAreDrawn() {
        String path = "/" + "d".repeat(16_000) + "/acc.csv"; // an imported file's citation: one unbreakable word
        List<AccuracyPoint> pts = List.of(
                new AccuracyPoint(new MobileNetConfig(1.0, 224), 70.0, null, null, "user:x", "x"),
                new AccuracyPoint(new MobileNetConfig(0.5, 160), 60.0, null, null, "user:x", "x"));
        AccuracySource src = new AccuracySource("user:x", "n".repeat(5_000), "", "", "imported from " + path, pts);
        TradeoffAnalysis a = TradeoffAnalysis.of(List.of(new Candidate(new MobileNetConfig(1.0, 224)),
                new Candidate(new MobileNetConfig(0.5, 160))), new AccuracyEstimator(src, AccuracyMetric.TOP1),
                LatencyTable.empty(null, "none"), CostAxis.MACS);
        JFreeChart chart = TradeoffCharts.accuracyVsCost(a, ChartOptions.defaults());
        for (String line : ChartExport.provenance(chart)) {
            assertTrue(line.length() <= TradeoffCharts.MAX_LINE, line.length() + " characters");
        }
        org.jfree.chart.LegendItemCollection items = chart.getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            String label = items.get(i).getLabel();
            assertTrue(label.length() <= TradeoffCharts.MAX_LINE, label.length() + " characters");
        }
        assertEquals(400, ChartExport.image(chart, 400, 300, 1).getWidth());
    }
}
