package org.mobilenetexplorer.ui.compare;

import java.util.List;

/**
 * One row of a comparison table: a metric (or a layer) and one cell per pinned configuration, each with its
 * delta against the baseline.
 *
 * @param metric what the row shows, with its unit
 * @param cells  one text per pinned configuration, in pin order
 */
public record CompareRow(String metric, List<String> cells) {
    public CompareRow {
        cells = List.copyOf(cells);
    }

    /** The cell of configuration {@code i}, empty when absent. */
    public String cell(int i) {
        return i < cells.size() ? cells.get(i) : "";
    }
}
