/**
 * Publication-quality charts with JFreeChart (no JavaFX: the GUI wraps these {@code JFreeChart} objects in a
 * {@code ChartViewer}) and their export as PNG, SVG, PDF, CSV and JSON. {@link
 * org.mobilenetexplorer.chart.TradeoffDataset} keeps the record behind every plotted item so a click or a tooltip
 * can show the configuration and its provenance.
 *
 * <p>Depends on {@code tradeoff} and below.
 */
package org.mobilenetexplorer.chart;
