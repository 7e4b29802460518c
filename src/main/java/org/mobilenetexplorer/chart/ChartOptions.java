package org.mobilenetexplorer.chart;

import java.util.List;
import org.mobilenetexplorer.accuracy.ComparisonModel;

/**
 * What an accuracy-vs-cost chart shows beyond the analysis' points.
 *
 * @param title            chart title, or null for the default
 * @param itemLabels       draw the alpha-resolution label beside each marker
 * @param paretoFront      draw the Pareto front as a step line
 * @param comparisonModels the paper's comparison models to draw (MACs and params axes only; empty for none)
 * @param phoneReference   published phone latencies to draw (latency axis only), or null
 */
public record ChartOptions(String title, boolean itemLabels, boolean paretoFront,
                           List<ComparisonModel> comparisonModels, PhoneReference phoneReference) {
    /** Longest title, in characters: JFreeChart's line breaking grows with the square of a word's length. */
    public static final int MAX_TITLE = 200;

    public ChartOptions {
        if (title != null && title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("title: " + title.length() + " characters: at most " + MAX_TITLE);
        }
        comparisonModels = comparisonModels == null ? List.of() : List.copyOf(comparisonModels);
    }

    /** Labels and front on, no reference series, default title. */
    public static ChartOptions defaults() {
        return new ChartOptions(null, true, true, List.of(), null);
    }

    public ChartOptions withComparisonModels(List<ComparisonModel> models) {
        return new ChartOptions(title, itemLabels, paretoFront, models, phoneReference);
    }

    public ChartOptions withPhoneReference(PhoneReference ref) {
        return new ChartOptions(title, itemLabels, paretoFront, comparisonModels, ref);
    }

    public ChartOptions withTitle(String t) {
        return new ChartOptions(t, itemLabels, paretoFront, comparisonModels, phoneReference);
    }
}
