/**
 * Views of an analysis: plain-text tables for a 120-column terminal, CSV and JSON. Three stages, as in torchinfo:
 * the per-layer facts ({@code model.LayerStats}), the aggregate ({@code model.NetworkStats}), and the formatters
 * here. One enum ({@link org.mobilenetexplorer.report.Column}) keys the header titles (with units) and the values,
 * so the table and the CSV never disagree. Every table ends with the counting convention.
 *
 * <p>Depends on {@code model}, {@code published} and Jackson.
 */
package org.mobilenetexplorer.report;
