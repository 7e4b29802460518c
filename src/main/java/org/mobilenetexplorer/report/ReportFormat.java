package org.mobilenetexplorer.report;

import java.util.List;
import java.util.Locale;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.published.PublishedData;

/** The output formats of an analysis. */
public enum ReportFormat {
    TABLE,
    CSV,
    JSON;

    /** Lower-case id used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One configuration. */
    public String render(NetworkStats stats, PublishedData published) {
        return switch (this) {
            case TABLE -> TableReport.render(stats, published);
            case CSV -> CsvReport.layers(stats);
            case JSON -> JsonReport.render(stats, published);
        };
    }

    /** Several configurations, one row each. */
    public String renderSummary(String title, List<LabelledStats> rows, PublishedData published) {
        return switch (this) {
            case TABLE -> SummaryReport.render(title, rows, published);
            case CSV -> CsvReport.summary(rows);
            case JSON -> JsonReport.summary(rows);
        };
    }
}
