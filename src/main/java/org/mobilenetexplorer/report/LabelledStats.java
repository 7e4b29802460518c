package org.mobilenetexplorer.report;

import java.util.Objects;
import org.mobilenetexplorer.model.NetworkStats;

/**
 * The analysis of one configuration with the label to show for it (a preset entry's label, or the
 * configuration's own).
 *
 * @param label the label
 * @param stats the analysis
 */
public record LabelledStats(String label, NetworkStats stats) {
    public LabelledStats {
        Objects.requireNonNull(stats, "stats");
        label = label == null || label.isBlank() ? stats.config().label() : label;
    }
}
