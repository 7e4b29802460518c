package org.mobilenetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;

class PaneChartsTest {

    @Test
    void v3SharesByKindLeaveOutKindsWithNeitherMacsNorParamsAndGiveEachRowRoomForItsLabel() {
        NetworkStats s = NetworkStats.of(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224));
        JFreeChart chart = PaneCharts.kindShares(List.copyOf(s.byKind().values()));
        CategoryPlot plot = chart.getCategoryPlot();
        @SuppressWarnings("unchecked")
        List<String> kinds = (List<String>) (List<?>) plot.getDataset().getColumnKeys();
        assertTrue(kinds.contains("SE 1x1") && kinds.contains("Conv dw"), kinds.toString());
        assertTrue(!kinds.contains("Add") && !kinds.contains("Multiply") && !kinds.contains("Softmax"),
                "elementwise kinds, two empty bars each: " + kinds);
        s.byKind().values().stream().filter(k -> k.macShare() > 0 || k.paramShare() > 0)
                .forEach(k -> assertTrue(kinds.contains(k.kind().paperName()), k.kind().paperName()));
        // the pane at 1280 x 800: about 330 x 190 px; each row at least as tall as its label
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = new BufferedImage(330, 190, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 330, 190), info);
        g.dispose();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        float font = plot.getDomainAxis().getTickLabelFont().getSize2D();
        assertTrue(area.getHeight() / kinds.size() >= font * 1.3, "rows of " + area.getHeight() / kinds.size()
                + " px for labels of " + font + " px (" + kinds.size() + " kinds)");
    }

    @Test
    void v1KeepsItsFourCountedKinds() {
        NetworkStats s = NetworkStats.of(new MobileNetConfig(1.0, 224));
        JFreeChart chart = PaneCharts.kindShares(List.copyOf(s.byKind().values()));
        assertEquals(List.of("Conv", "Conv dw", "Conv 1x1", "Fully Connected"),
                chart.getCategoryPlot().getDataset().getColumnKeys());
    }

    @Test
    void anEmptyLayerProfileSaysWhatFillsIt() {
        JFreeChart chart = PaneCharts.layerProfile(List.of());
        assertTrue(chart.getCategoryPlot().getNoDataMessage().startsWith("No per-layer profile: select a result"));
    }
}
