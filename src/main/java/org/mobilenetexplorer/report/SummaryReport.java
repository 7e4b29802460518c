package org.mobilenetexplorer.report;

import java.util.List;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.published.PublishedData;

/** The plain-text summary of several configurations, one row each (e.g. a preset). */
public final class SummaryReport {
    private SummaryReport() {
    }

    /** The summary table under a title, followed by the counting convention. */
    public static String render(String title, List<LabelledStats> rows, PublishedData data) {
        List<SummaryColumn> cols = List.of(SummaryColumn.values());
        TextTable t = new TextTable(cols.stream().map(SummaryColumn::title).toList(),
                cols.stream().map(SummaryColumn::align).toList());
        for (int i = 0; i < rows.size(); i++) {
            int index = i;
            LabelledStats r = rows.get(i);
            t.row(cols.stream().map(c -> c.cell(index, r, data)).toArray(String[]::new));
        }
        return Text.wrap(title, "  ") + "\n" + t.render() + "\n"
                + Text.wrap("Map: final feature map; Peak: largest input + output activations alive at once (FP32,"
                + " batch 1). Published: the million MACs printed by the paper, TF-Slim, TFLite or Keras for that"
                + " configuration; * = differs from ours rounded to the printed precision (see analyze for one"
                + " configuration).", "  ")
                + TableReport.convention(rows.stream().allMatch(r -> r.stats().config().family() == Family.V1)
                        ? Family.V1 : Family.V2);
    }
}
