package org.mobilenetexplorer.ui;

/**
 * The view-models of one open window, as {@link ExplorerApp#show} wired them.
 *
 * @param main      configuration, Explore, Compare, Learn, presets, settings
 * @param benchmark the Benchmark tab
 * @param tradeoffs the Trade-offs tab
 */
public record ExplorerWindow(MainViewModel main, BenchmarkViewModel benchmark, TradeoffViewModel tradeoffs) {
}
