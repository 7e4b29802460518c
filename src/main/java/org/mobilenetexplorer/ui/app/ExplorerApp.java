package org.mobilenetexplorer.ui.app;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.mobilenetexplorer.accuracy.AccuracyCatalog;
import org.mobilenetexplorer.bench.Backends;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.preset.Presets;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.ui.benchmark.BenchmarkRunPanel;
import org.mobilenetexplorer.ui.benchmark.BenchmarkView;
import org.mobilenetexplorer.ui.benchmark.BenchmarkViewModel;
import org.mobilenetexplorer.ui.common.ChartThemes;
import org.mobilenetexplorer.ui.common.Dialogs;
import org.mobilenetexplorer.ui.common.FileContext;
import org.mobilenetexplorer.ui.common.Folders;
import org.mobilenetexplorer.ui.common.FxDialogs;
import org.mobilenetexplorer.ui.common.FxTaskExecutor;
import org.mobilenetexplorer.ui.common.PreferencesSettings;
import org.mobilenetexplorer.ui.common.RecentFiles;
import org.mobilenetexplorer.ui.common.Settings;
import org.mobilenetexplorer.ui.common.Styles;
import org.mobilenetexplorer.ui.common.TaskExecutor;
import org.mobilenetexplorer.ui.compare.CompareView;
import org.mobilenetexplorer.ui.compare.CompareViewModel;
import org.mobilenetexplorer.ui.config.ConfigHistory;
import org.mobilenetexplorer.ui.config.ConfigPanel;
import org.mobilenetexplorer.ui.config.ConfigSettings;
import org.mobilenetexplorer.ui.config.ConfigViewModel;
import org.mobilenetexplorer.ui.config.PresetViewModel;
import org.mobilenetexplorer.ui.explore.ExploreView;
import org.mobilenetexplorer.ui.explore.PredictedLatencyView;
import org.mobilenetexplorer.ui.explore.PredictedLatencyViewModel;
import org.mobilenetexplorer.ui.explore.ExploreViewModel;
import org.mobilenetexplorer.ui.learn.LearnView;
import org.mobilenetexplorer.ui.learn.LearnViewModel;
import org.mobilenetexplorer.ui.tradeoff.TradeoffView;
import org.mobilenetexplorer.ui.tradeoff.TradeoffViewModel;

/**
 * The JavaFX application and the one place where the window's parts are wired ({@link #show}). {@code Launcher}
 * (not this class) is the entry point, so the shaded jar starts on the class path.
 */
public final class ExplorerApp extends Application {
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    private TaskExecutor executor;

    public static void launchApp(String[] args) {
        StartupTrace.mark(StartupTrace.MAIN);
        preloadBundledData();
        Application.launch(ExplorerApp.class, args);
    }

    /**
     * Reads the bundled data the window needs at once (published figures and presets: JSON through Jackson, whose
     * classes take a while to load) and counts one network (the cost model's classes) on a second thread while this
     * one starts the JavaFX toolkit, so on a machine with two cores or more it costs the start little time. A
     * failure is left to the JavaFX thread, which reads the same data again and reports it.
     */
    private static void preloadBundledData() {
        Thread t = new Thread(() -> {
            try {
                PublishedData.bundled();
                Presets.bundled();
                Presets.bundled(TradeoffViewModel.DEFAULT_CANDIDATES);
                NetworkStats.of(new MobileNetConfig(1.0, 224));
                StartupTrace.mark("preloaded");
            } catch (RuntimeException e) {
                // the JavaFX thread reads it again and says what is wrong
            }
        }, "mne-preload");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("fx-start");
        executor = new FxTaskExecutor();
        ExplorerWindow window = show(stage, PreferencesSettings.forUser(), executor, null);
        StartupTrace.mark("shown");
        reportUncaughtErrors(window.main());
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
    }

    /** A bug in a handler must not end the session: it is printed and shown in the status line. */
    public static void reportUncaughtErrors(MainViewModel main) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            e.printStackTrace();
            Platform.runLater(() -> main.reportStatus("Unexpected error (" + t.getName() + "): " + e));
        });
    }

    /**
     * Builds the window on {@code stage} with the forked benchmark engine and the user's results folder, and
     * shows it.
     *
     * @param dialogs null for the real file choosers and alerts
     */
    public static ExplorerWindow show(Stage stage, Settings settings, TaskExecutor executor, Dialogs dialogs) {
        BenchmarkEngine engine = BenchmarkEngine.forked();
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> engine.close());
        return show(stage, settings, executor, dialogs, ResultStore.defaultDirectory(), engine);
    }

    /**
     * As {@link #show(Stage, Settings, TaskExecutor, Dialogs)}, with the benchmark results in {@code resultsDir}
     * and the given engine: the one place where the app's parts are wired (tests and the screenshot tour call it
     * with their own settings, executor, dialogs, folder and engine).
     */
    public static ExplorerWindow show(Stage stage, Settings settings, TaskExecutor executor, Dialogs dialogs,
                                      Path resultsDir, BenchmarkEngine engine) {
        Dialogs d = dialogs != null ? dialogs : new FxDialogs(() -> stage);
        MainViewModel main = new MainViewModel(settings);
        // the theme first: the first control class to initialise would otherwise load JavaFX's own Modena
        // stylesheet, only for the theme to replace it
        main.themeProperty().get().apply();
        main.themeProperty().addListener((o, a, t) -> t.apply());
        StartupTrace.mark("theme");
        PublishedData published = PublishedData.bundled();
        ConfigSettings remembered = new ConfigSettings(settings);
        ConfigViewModel config = new ConfigViewModel();
        config.load(remembered.restore());
        config.configProperty().addListener((o, a, c) -> main.configurationChanged());
        FileContext files = new FileContext(d, new Folders(settings, Path.of(System.getProperty("user.dir"))),
                main::reportStatus);
        PresetViewModel presets = new PresetViewModel(config, Presets.bundled(), new RecentFiles(settings), files);
        ExploreViewModel explore = new ExploreViewModel(config.configProperty(), published);
        LearnViewModel learn = new LearnViewModel(explore.statsProperty(), published, executor, files);
        explore.selectedLayerProperty().addListener((o, a, name) -> learn.selectLayer(name));
        BenchmarkViewModel bench = new BenchmarkViewModel(executor, resultsDir, engine);
        bench.precisionProperty().bindBidirectional(config.precisionProperty()); // one choice, shown in both places
        CompareViewModel compare = new CompareViewModel(published, bench::latestMedianMs, config.backendProperty(),
                config.configProperty(), presets.presetEntries(), main::reportStatus);
        TradeoffViewModel tradeoff = new TradeoffViewModel(executor, bench.resultsDirProperty(),
                config.backendProperty(), AccuracyCatalog.bundled(), Presets.bundled(TradeoffViewModel.DEFAULT_CANDIDATES),
                config::load, files);
        presets.presetProperty().addListener((o, a, p) -> tradeoff.candidatesProperty().set(p));
        bench.importReportProperty().addListener((o, a, r) -> {
            if (!r.isEmpty()) {
                main.reportStatus(r.lines().findFirst().orElse(r)); // the summary; names in the Benchmark view
            }
        });
        SessionStore session = new SessionStore(settings);
        session.restore(presets, compare, main::reportStatus);
        session.saveOnChange(presets, compare);
        ConfigHistory history = new ConfigHistory(config);
        ExplorerWindow w = new ExplorerWindow(main, config, presets, explore, learn, compare, bench, tradeoff,
                history);
        StartupTrace.mark("view-models");

        // each view is built when first shown (MainWindow): only the selected one before the window shows
        PredictedLatencyViewModel predicted = new PredictedLatencyViewModel(config.configProperty(),
                bench.resultsDirProperty(), config.backendProperty(), config.precisionProperty(), executor, engine,
                ZoneId.systemDefault());
        // a profile written behind the app's back (calibrate in a terminal, an import) is read when Explore is
        // shown again or the window is used again; the check itself is off the JavaFX thread
        main.viewProperty().addListener((o, a, v) -> {
            if (v == AppView.EXPLORE) {
                predicted.refreshIfChanged();
            }
        });
        stage.focusedProperty().addListener((o, was, now) -> {
            if (now && main.viewProperty().get() == AppView.EXPLORE) {
                predicted.refreshIfChanged();
            }
        });
        bench.setOnResultsChanged(() -> {
            compare.refresh();
            tradeoff.recompute();
            predicted.refreshIfChanged(); // an import or a reload may have brought a profile
        });
        Map<AppView, Supplier<Node>> views = new EnumMap<>(AppView.class);
        views.put(AppView.EXPLORE, () -> PredictedLatencyView.above(predicted,
                new ExploreView(explore, main.themeProperty())));
        views.put(AppView.BENCHMARK, () -> new BenchmarkView(bench, new BenchmarkRunPanel(bench, config::config,
                presets::presetConfigs, config.backendProperty()), () -> bench.chooseResultsFolder(d)));
        views.put(AppView.TRADEOFFS, () -> new TradeoffView(tradeoff));
        views.put(AppView.COMPARE, () -> new CompareView(compare));
        views.put(AppView.LEARN, () -> new LearnView(learn, main.themeProperty()));
        ConfigPanel configPanel = new ConfigPanel(config, presets);
        StartupTrace.mark("config-panel");
        MainWindow window = new MainWindow(w, views, configPanel, d, stage::close);
        StartupTrace.mark("main-window");

        double[] b = main.windowBounds(new double[] {Double.NaN, Double.NaN, DEFAULT_WIDTH, DEFAULT_HEIGHT});
        Scene scene = new Scene(window, b[2], b[3]);
        scene.getStylesheets().add(ExplorerApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        ChartThemes charts = ChartThemes.follow(scene, main.themeProperty());
        window.setOnViewBuilt(charts::include);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        if (!Double.isNaN(b[0]) && !Double.isNaN(b[1])) {
            stage.setX(b[0]);
            stage.setY(b[1]);
        }
        stage.titleProperty().bind(config.labelProperty().map(l -> "MobileNet Explorer — " + l));
        stage.setOnHidden(e -> {
            main.rememberWindowBounds(stage.getX(), stage.getY(), scene.getWidth(), scene.getHeight());
            main.saveState();
            remembered.save(config.config(), config.backendProperty().get());
        });
        StartupTrace.mark("scene");
        StartupTrace.watchFirstFrame(scene);
        stage.show();
        // background work and the other views wait for the first frame: on two cores they would delay the window
        afterNextPulse(scene, () -> {
            config.loadBackends(executor, Backends::ids, remembered.backend(), main::reportStatus);
            bench.reload();
            tradeoff.recompute();
            buildViewsInTurn(window, scene);
        });
        return w;
    }

    /**
     * Builds the views not shown yet, one per frame, so the window stays responsive meanwhile and a tab chosen later
     * opens at once; marks {@code views-built} when done.
     */
    private static void buildViewsInTurn(MainWindow window, Scene scene) {
        if (window.buildNextView()) {
            afterNextPulse(scene, () -> buildViewsInTurn(window, scene));
            Platform.requestNextPulse();
        } else {
            StartupTrace.mark(StartupTrace.VIEWS_BUILT);
            StartupTrace.exitIfAsked(StartupTrace.VIEWS_BUILT);
        }
    }

    /** Runs {@code work} on the JavaFX thread once {@code scene} has been laid out (and so drawn) the next time. */
    private static void afterNextPulse(Scene scene, Runnable work) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
