package org.mobilenetexplorer.ui.app;

import org.mobilenetexplorer.ui.benchmark.BenchmarkViewModel;
import org.mobilenetexplorer.ui.compare.CompareViewModel;
import org.mobilenetexplorer.ui.config.ConfigHistory;
import org.mobilenetexplorer.ui.config.ConfigViewModel;
import org.mobilenetexplorer.ui.config.PresetViewModel;
import org.mobilenetexplorer.ui.explore.ExploreViewModel;
import org.mobilenetexplorer.ui.learn.LearnViewModel;
import org.mobilenetexplorer.ui.tradeoff.TradeoffViewModel;

/**
 * The view-models of one open window, as {@link ExplorerApp#show} wired them.
 *
 * @param main      selected view, presentation mode, status line, window bounds
 * @param config    the configuration panel's knobs and the backends
 * @param presets   the loaded preset, bundled presets, recent files
 * @param explore   the Explore tab (and the selected layer)
 * @param learn     the Learn tab
 * @param compare   the Compare tab
 * @param benchmark the Benchmark tab
 * @param tradeoffs the Trade-offs tab
 * @param history   undo and redo of the configuration (Edit menu)
 */
public record ExplorerWindow(MainViewModel main, ConfigViewModel config, PresetViewModel presets,
                             ExploreViewModel explore, LearnViewModel learn, CompareViewModel compare,
                             BenchmarkViewModel benchmark, TradeoffViewModel tradeoffs,
                             ConfigHistory history) {
}
