package org.mobilenetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;

/** The dark theme repaints a chart's neutral parts, keeps the series colours, and light brings them back. */
class ChartColorsTest {
    @Test
    void darkRepaintsBackgroundsTextAndGridAndLightRestoresThem() {
        JFreeChart chart = TradeoffCharts.shares(NetworkStats.of(new MobileNetConfig(0.5, 160)), null);
        CategoryPlot plot = chart.getCategoryPlot();
        Color series = (Color) plot.getRenderer().getSeriesPaint(0);

        ChartColors.DARK.applyTo(chart);
        assertEquals(ChartColors.DARK.background(), chart.getBackgroundPaint());
        assertEquals(ChartColors.DARK.plot(), plot.getBackgroundPaint());
        assertEquals(ChartColors.DARK.text(), chart.getTitle().getPaint());
        assertEquals(ChartColors.DARK.text(), plot.getRangeAxis().getTickLabelPaint());
        assertEquals(ChartColors.DARK.text(), plot.getDomainAxis().getLabelPaint());
        assertEquals(ChartColors.DARK.grid(), plot.getRangeGridlinePaint());
        assertEquals(series, plot.getRenderer().getSeriesPaint(0), "series colours stay");
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                assertEquals(ChartColors.DARK.text(), t.getPaint());
            }
        }

        ChartColors.LIGHT.applyTo(chart);
        assertEquals(Color.WHITE, chart.getBackgroundPaint());
        assertEquals(Color.BLACK, chart.getTitle().getPaint());
        assertEquals(ChartStyle.GRID, plot.getRangeGridlinePaint());
        assertEquals(series, plot.getRenderer().getSeriesPaint(0));
    }

    @Test
    void onlyGreysTooCloseToTheBackgroundBecomeTheTextColour() {
        assertEquals(ChartColors.DARK.text(), ChartColors.DARK.readable(Color.BLACK));
        assertEquals(ChartColors.DARK.text(), ChartColors.DARK.readable(Color.DARK_GRAY));
        assertEquals(ChartStyle.BLUE, ChartColors.DARK.readable(ChartStyle.BLUE));
        assertEquals(Color.GRAY, ChartColors.DARK.readable(Color.GRAY));
        assertEquals(Color.BLACK, ChartColors.LIGHT.readable(ChartColors.DARK.text()));
        assertEquals(Color.DARK_GRAY, ChartColors.LIGHT.readable(Color.DARK_GRAY));
    }
}
