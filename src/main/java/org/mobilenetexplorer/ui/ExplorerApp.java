package org.mobilenetexplorer.ui;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mobilenetexplorer.accuracy.AccuracyCatalog;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.chart.ExportFormat;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mobilenetexplorer.preset.Presets;
import org.mobilenetexplorer.published.PublishedData;

/**
 * The JavaFX application. {@code Launcher} (not this class) is the entry point, so the shaded jar starts on the
 * class path. Options: {@code --screenshots DIR} visits every view, saves one PNG per view into DIR and exits
 * (used by {@code scripts/screenshots.sh}; it never reads or writes the user's preferences).
 */
public final class ExplorerApp extends Application {
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;

    private ExplorerWindow window;
    private TaskExecutor executor;

    public static void launchApp(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> raw = getParameters().getRaw();
        int i = raw.indexOf("--screenshots");
        Optional<Path> shots = i >= 0 && i + 1 < raw.size() ? Optional.of(Path.of(raw.get(i + 1))) : Optional.empty();
        Settings settings = shots.isPresent() ? new MemorySettings() : PreferencesSettings.forUser();
        executor = new BackgroundTaskExecutor();
        if (shots.isPresent()) {
            // never the user's results: a fresh folder, the real forked engine
            Path results;
            try {
                results = java.nio.file.Files.createTempDirectory("mobilenet-explorer-screenshots");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            BenchmarkEngine engine = BenchmarkEngine.forked();
            window = show(stage, settings, executor, null, results, engine);
        } else {
            window = show(stage, settings, executor, null);
        }
        shots.ifPresent(dir -> new ScreenshotTour(stage, window, dir).start());
        // a bug in a handler must not end the session: report it and go on
        MainViewModel main = window.main();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            e.printStackTrace();
            Platform.runLater(() -> main.reportStatus("Unexpected error (" + t.getName() + "): " + e));
        });
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
    }

    /**
     * Builds the window on {@code stage} and shows it: the one place where the app's parts are wired (tests call
     * it with their own settings, executor and dialogs).
     *
     * @param dialogs null for the real file choosers and alerts
     */
    public static ExplorerWindow show(Stage stage, Settings settings, TaskExecutor executor, Dialogs dialogs) {
        BenchmarkEngine engine = BenchmarkEngine.forked();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> engine.close());
        return show(stage, settings, executor, dialogs, ResultStore.defaultDirectory(), engine);
    }

    /** As {@link #show(Stage, Settings, TaskExecutor, Dialogs)}, with the benchmark results in {@code resultsDir}. */
    public static ExplorerWindow show(Stage stage, Settings settings, TaskExecutor executor, Dialogs dialogs,
                                     Path resultsDir, BenchmarkEngine engine) {
        Dialogs d = dialogs != null ? dialogs : new FxDialogs(() -> stage);
        BenchmarkViewModel bench = new BenchmarkViewModel(executor, resultsDir, engine);
        MainViewModel vm = new MainViewModel(settings, executor, d, PublishedData.bundled(), Presets.bundled(),
                bench::latestMedianMs);
        TradeoffViewModel tradeoff = new TradeoffViewModel(executor, bench.resultsDirProperty(), vm.config().backendProperty(),
                AccuracyCatalog.bundled(), Presets.bundled(TradeoffViewModel.DEFAULT_CANDIDATES), vm.config()::load, FileContext.of(vm));
        vm.presetProperty().addListener((o, a, p) -> tradeoff.candidatesProperty().set(p));
        bench.setOnResultsChanged(() -> {
            vm.compare().refresh();
            tradeoff.recompute();
        });
        Map<AppView, Node> extra = new EnumMap<>(AppView.class);
        BenchmarkRunPanel runPanel = new BenchmarkRunPanel(bench, () -> vm.config().config(),
                () -> vm.presetEntries().stream().map(e -> e.config()).toList(), vm.config().backendProperty());
        extra.put(AppView.BENCHMARK, new BenchmarkView(bench, runPanel, () -> bench.chooseResultsFolder(d)));
        extra.put(AppView.TRADEOFFS, new TradeoffView(tradeoff));
        MainWindow window = new MainWindow(vm, extra, () -> stage.close());
        window.addMenu(benchmarkMenu(vm, bench, d));
        window.addMenu(tradeoffMenu(tradeoff));
        double[] b = vm.windowBounds(new double[] {Double.NaN, Double.NaN, DEFAULT_WIDTH, DEFAULT_HEIGHT});
        Scene scene = new Scene(window, b[2], b[3]);
        scene.getStylesheets().add(ExplorerApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        if (!Double.isNaN(b[0]) && !Double.isNaN(b[1])) {
            stage.setX(b[0]);
            stage.setY(b[1]);
        }
        stage.titleProperty().bind(vm.config().labelProperty().map(l -> "MobileNet Explorer — " + l));
        stage.setOnHidden(e -> {
            vm.rememberWindowBounds(stage.getX(), stage.getY(), scene.getWidth(), scene.getHeight());
            vm.saveState();
        });
        stage.show();
        vm.loadBackends();
        bench.reload();
        tradeoff.recompute();
        return new ExplorerWindow(vm, bench, tradeoff);
    }

    private static javafx.scene.control.Menu benchmarkMenu(MainViewModel vm, BenchmarkViewModel bench, Dialogs d) {
        javafx.scene.control.Menu m = new javafx.scene.control.Menu("_Benchmark");
        m.getItems().addAll(
                MainWindow.item("Run _current configuration", "Shortcut+B", "menu-run-current", () -> {
                    vm.viewProperty().set(AppView.BENCHMARK);
                    bench.run(java.util.List.of(vm.config().config()), vm.config().backendProperty().get());
                }),
                MainWindow.item("Run _preset", "Shortcut+Shift+B", "menu-run-preset", () -> {
                    vm.viewProperty().set(AppView.BENCHMARK);
                    bench.run(vm.presetEntries().stream().map(e -> e.config()).toList(),
                            vm.config().backendProperty().get());
                }),
                MainWindow.item("_Cancel", "Shortcut+Period", "menu-cancel", bench::cancel),
                MainWindow.item("_Reload results", "Shortcut+L", "menu-reload", bench::reload),
                MainWindow.item("_Open results folder…", "Shortcut+Shift+L", "menu-open-results",
                        () -> bench.chooseResultsFolder(d)));
        return m;
    }

    private static javafx.scene.control.Menu tradeoffMenu(TradeoffViewModel t) {
        javafx.scene.control.Menu m = new javafx.scene.control.Menu("_Trade-offs");
        m.getItems().addAll(
                MainWindow.item("Export chart as P_NG…", "Shortcut+E", "menu-export-png",
                        () -> t.exportWithChooser(ExportFormat.PNG)),
                MainWindow.item("Export chart as _SVG…", "Shortcut+Shift+E", "menu-export-svg",
                        () -> t.exportWithChooser(ExportFormat.SVG)),
                MainWindow.item("Export chart as P_DF…", "Shortcut+Alt+E", "menu-export-pdf",
                        () -> t.exportWithChooser(ExportFormat.PDF)),
                MainWindow.item("Export plotted data as _CSV…", "Shortcut+Shift+C", "menu-export-csv",
                        () -> t.exportWithChooser(ExportFormat.CSV)));
        return m;
    }

    /** Used by the screenshot tour to quit once done. */
    static void exit() {
        Platform.exit();
    }
}
