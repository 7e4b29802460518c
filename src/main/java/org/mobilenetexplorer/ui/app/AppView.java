package org.mobilenetexplorer.ui.app;

/** The tabs of the main window, in order, with their accelerator digit. */
public enum AppView {
    EXPLORE("Explore", "Layer table, totals and shares of the current configuration"),
    BENCHMARK("Benchmark", "Measure real CPU inference latency"),
    TRADEOFFS("Trade-offs", "Accuracy against latency, MACs or params, with the Pareto front"),
    COMPARE("Compare", "Pinned configurations side by side"),
    LEARN("Learn", "The paper's formulas with live numbers");

    private final String title;
    private final String description;

    AppView(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Stable node id of the tab's content ({@code explore-view}, ...). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT) + "-view";
    }
}
