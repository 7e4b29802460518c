package org.mobilenetexplorer.ui.app;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.mobilenetexplorer.chart.ExportFormat;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.ToolVersion;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.ui.benchmark.BenchmarkViewModel;
import org.mobilenetexplorer.ui.common.Controls;
import org.mobilenetexplorer.ui.common.Dialogs;
import org.mobilenetexplorer.ui.common.Tables;
import org.mobilenetexplorer.ui.common.Styles;
import org.mobilenetexplorer.ui.common.Theme;
import org.mobilenetexplorer.ui.config.PresetViewModel;
import org.mobilenetexplorer.ui.tradeoff.TradeoffViewModel;

/**
 * The main window's content: menus, configuration panel, one tab per view, status bar. A tab's view is built the
 * first time its tab is selected, or earlier by {@link #buildNextView()} (the app builds them one per frame after
 * the first frame): only the selected view is built, styled and laid out before the window shows.
 */
public final class MainWindow extends BorderPane {
    private final ExplorerWindow w;
    private final MainViewModel vm;
    private final PresetViewModel presets;
    private final TabPane tabs = new TabPane();
    private final Map<AppView, Tab> tabByView = new EnumMap<>(AppView.class);
    private final Map<AppView, Supplier<? extends Node>> factories;
    private final Map<AppView, Node> built = new EnumMap<>(AppView.class);
    private final Menu recent = new Menu("Open _recent");
    private Consumer<Node> onViewBuilt = n -> { };

    /**
     * @param w          the window's view-models
     * @param views      what builds the content of each tab, called once, on the JavaFX thread, when the view is
     *                   first needed (a missing one shows {@link UnavailableView})
     * @param configPanel the configuration panel on the left
     * @param dialogs    the window's choosers and alerts
     * @param quit       File > Quit
     */
    public MainWindow(ExplorerWindow w, Map<AppView, ? extends Supplier<? extends Node>> views, Node configPanel,
                      Dialogs dialogs, Runnable quit) {
        getProperties().put(Tables.DIALOGS, dialogs);
        this.w = w;
        this.vm = w.main();
        this.presets = w.presets();
        this.factories = new EnumMap<>(AppView.class);
        setId("main-window");
        getStyleClass().add("main-window");

        for (AppView v : AppView.values()) {
            Supplier<? extends Node> factory = views.get(v);
            factories.put(v, factory != null ? factory : () -> new UnavailableView(v, "Missing from this build."));
            Tab t = new Tab(v.title());
            t.setId(v.id() + "-tab");
            t.setClosable(false);
            t.setTooltip(Controls.tip(v.description() + " (Ctrl+" + (v.ordinal() + 1) + ")"));
            tabs.getTabs().add(t);
            tabByView.put(v, t);
        }
        tabs.setId("view-tabs");
        buildView(vm.viewProperty().get());
        tabs.getSelectionModel().select(tabByView.get(vm.viewProperty().get()));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> tabByView.forEach((v, tab) -> {
            if (tab == t) {
                buildView(v); // before this pulse's styling and layout, so the tab never shows empty
                vm.viewProperty().set(v);
            }
        }));
        vm.viewProperty().addListener((o, a, v) -> tabs.getSelectionModel().select(tabByView.get(v)));

        ScrollPane configScroll = new ScrollPane(configPanel);
        configScroll.setFitToWidth(true);
        configScroll.setFitToHeight(true);
        configScroll.getStyleClass().add("config-scroll");
        configScroll.setMinWidth(270);
        configScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        Label status = new Label();
        status.setId("status-label");
        status.textProperty().bind(vm.statusProperty());
        HBox statusBar = new HBox(status);
        HBox.setHgrow(status, Priority.ALWAYS);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(3, 8, 3, 8));

        setTop(menus(quit, dialogs));
        addMenu(benchmarkMenu(w.benchmark(), dialogs));
        addMenu(tradeoffMenu(w.tradeoffs()));
        setLeft(configScroll);
        setCenter(tabs);
        setBottom(statusBar);

        vm.presentationProperty().addListener((o, a, on) -> pseudoClassStateChanged(Styles.PRESENTATION, on));
        pseudoClassStateChanged(Styles.PRESENTATION, vm.presentationProperty().get());
        vm.themeProperty().addListener((o, a, t) -> pseudoClassStateChanged(Styles.DARK, t == Theme.DARK));
        pseudoClassStateChanged(Styles.DARK, vm.themeProperty().get() == Theme.DARK);
    }

    /** Builds {@code v}'s content unless it is built already; returns it. */
    private Node buildView(AppView v) {
        Node content = built.get(v);
        if (content == null) {
            content = factories.get(v).get();
            content.setId(v.id());
            built.put(v, content);
            tabByView.get(v).setContent(content);
            StartupTrace.mark(v.id());
            onViewBuilt.accept(content);
        }
        return content;
    }

    /**
     * Builds the first view (in tab order) not built yet, if any; returns whether a view is still left to build.
     * JavaFX thread.
     */
    public boolean buildNextView() {
        for (AppView v : AppView.values()) {
            if (!built.containsKey(v)) {
                buildView(v);
                break;
            }
        }
        return built.size() < AppView.values().length;
    }

    /** Whether {@code v}'s content has been built. */
    public boolean isBuilt(AppView v) {
        return built.containsKey(v);
    }

    /**
     * Calls {@code action} with each view's content as it is built from now on, and at once with those built
     * already (the window's chart theming finds the charts of views built later this way).
     */
    public void setOnViewBuilt(Consumer<Node> action) {
        onViewBuilt = action;
        built.values().forEach(action);
    }

    /** Adds a view's menu before the Help menu. */
    private void addMenu(Menu menu) {
        MenuBar bar = (MenuBar) getTop();
        bar.getMenus().add(bar.getMenus().size() - 1, menu);
    }

    private MenuBar menus(Runnable quit, Dialogs dialogs) {
        Menu file = new Menu("_File");
        BenchmarkViewModel bench = w.benchmark();
        MenuItem importFolder = item("_Import results folder…", "Shortcut+I", "menu-import-results", () -> {
            vm.viewProperty().set(AppView.BENCHMARK); // where the import's report and the new device show
            bench.importFolderWithChooser(dialogs);
        });
        MenuItem importZip = item("Import results _ZIP…", "Shortcut+Shift+I", "menu-import-results-zip", () -> {
            vm.viewProperty().set(AppView.BENCHMARK);
            bench.importZipWithChooser(dialogs);
        });
        for (MenuItem m : List.of(importFolder, importZip)) {
            m.disableProperty().bind(bench.importingProperty().or(bench.runningProperty()));
        }
        file.getItems().addAll(
                item("_Open preset…", "Shortcut+O", "menu-open", presets::openPresetWithChooser),
                recent,
                item("_Save as preset…", "Shortcut+S", "menu-save", presets::savePresetWithChooser),
                new SeparatorMenuItem(),
                importFolder,
                importZip,
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", "menu-quit", quit));
        rebuildRecent();
        presets.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecent());

        Menu edit = new Menu("_Edit");
        MenuItem undo = item("_Undo configuration change", "Shortcut+Z", "menu-undo", w.history()::undo);
        undo.disableProperty().bind(w.history().canUndoProperty().not());
        MenuItem redo = item("_Redo configuration change", "Shortcut+Shift+Z", "menu-redo", w.history()::redo);
        redo.disableProperty().bind(w.history().canRedoProperty().not());
        MenuItem back = item("_Back to the previous configuration", "Alt+Left", "menu-back", w.history()::back);
        back.disableProperty().bind(w.history().canUndoProperty().not());
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), back);

        Menu presetMenu = new Menu("_Presets");
        int i = 1;
        for (Preset p : presets.bundledPresets()) {
            MenuItem m = item(p.name(), i <= 9 ? "Shortcut+Shift+" + i : null, "menu-preset-" + i,
                    () -> presets.usePreset(p));
            presetMenu.getItems().add(m);
            i++;
        }
        if (presets.bundledPresets().isEmpty()) {
            MenuItem none = new MenuItem("No bundled presets in this build");
            none.setDisable(true);
            presetMenu.getItems().add(none);
        }

        Menu configuration = new Menu("_Configuration");
        configuration.getItems().addAll(
                item("_Reset to 1.0-224", "Shortcut+R", "menu-reset", w.config()::reset),
                new SeparatorMenuItem(),
                item("_Pin current configuration", "Shortcut+P", "menu-pin", w.compare()::pinCurrent),
                item("Pin the preset's configurations", "Shortcut+Shift+P", "menu-pin-preset", w.compare()::pinPreset),
                item("Clear pinned", "Shortcut+Shift+K", "menu-clear-pinned", w.compare()::clear));

        Menu view = new Menu("_View");
        for (AppView v : AppView.values()) {
            view.getItems().add(item(v.title(), "Shortcut+" + (v.ordinal() + 1), "menu-view-" + v.id(),
                    () -> vm.viewProperty().set(v)));
        }
        CheckMenuItem presentation = new CheckMenuItem("Presentation mode (large fonts)");
        presentation.setId("menu-presentation");
        presentation.setAccelerator(KeyCombination.keyCombination("F5"));
        presentation.selectedProperty().bindBidirectional(vm.presentationProperty());
        view.getItems().addAll(new SeparatorMenuItem(), presentation, new SeparatorMenuItem());
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem m = new RadioMenuItem(t.title() + " theme");
            m.setId("menu-theme-" + t.id());
            m.setToggleGroup(themes);
            m.setSelected(vm.themeProperty().get() == t);
            m.setOnAction(e -> vm.themeProperty().set(t));
            vm.themeProperty().addListener((o, a, now) -> m.setSelected(now == t));
            view.getItems().add(m);
        }

        Menu help = new Menu("_Help");
        help.getItems().addAll(
                item("Counting _convention", "F1", "menu-convention", () -> info("Counting convention",
                        CostModel.CONVENTION)),
                item("_About MobileNet Explorer", "Shortcut+F1", "menu-about", () -> info("About",
                        "MobileNet Explorer " + ToolVersion.get() + "\nWhat MobileNet v1's width multiplier"
                                + " (alpha) and resolution multiplier (rho) cost: exact MACs and params, CPU"
                                + " benchmarks, accuracy trade-offs.\nHoward et al. 2017, arXiv:1704.04861.")));
        MenuBar bar = new MenuBar(file, edit, presetMenu, configuration, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private void rebuildRecent() {
        recent.getItems().clear();
        for (Path p : presets.recentFiles()) {
            MenuItem m = new MenuItem(p.toString());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> presets.openPreset(p));
            recent.getItems().add(m);
        }
        recent.setDisable(presets.recentFiles().isEmpty());
    }

    private Menu benchmarkMenu(BenchmarkViewModel bench, Dialogs d) {
        Menu m = new Menu("_Benchmark");
        m.getItems().addAll(
                item("Run _current configuration", "Shortcut+B", "menu-run-current", () -> {
                    vm.viewProperty().set(AppView.BENCHMARK);
                    bench.run(List.of(w.config().config()), w.config().backendProperty().get());
                }),
                item("Run _preset", "Shortcut+Shift+B", "menu-run-preset", () -> {
                    vm.viewProperty().set(AppView.BENCHMARK);
                    bench.run(presets.presetConfigs(), w.config().backendProperty().get());
                }),
                item("_Cancel", "Shortcut+Period", "menu-cancel", bench::cancel),
                item("_Reload results", "Shortcut+L", "menu-reload", bench::reload),
                item("_Open results folder…", "Shortcut+Shift+L", "menu-open-results",
                        () -> bench.chooseResultsFolder(d)));
        return m;
    }

    private static Menu tradeoffMenu(TradeoffViewModel t) {
        Menu m = new Menu("_Trade-offs");
        m.getItems().addAll(
                item("Export chart as P_NG…", "Shortcut+E", "menu-export-png",
                        () -> t.exportWithChooser(ExportFormat.PNG)),
                item("Export chart as _SVG…", "Shortcut+Shift+E", "menu-export-svg",
                        () -> t.exportWithChooser(ExportFormat.SVG)),
                item("Export chart as P_DF…", "Shortcut+Alt+E", "menu-export-pdf",
                        () -> t.exportWithChooser(ExportFormat.PDF)),
                item("Export plotted data as _CSV…", "Shortcut+Shift+C", "menu-export-csv",
                        () -> t.exportWithChooser(ExportFormat.CSV)));
        return m;
    }

    static MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void info(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.setTitle(title);
        a.setHeaderText(title);
        Window w = getScene() == null ? null : getScene().getWindow();
        if (w != null) {
            a.initOwner(w);
        }
        a.getDialogPane().setMinWidth(520);
        a.show();
    }

    /** The tab pane (tests and the screenshot tour select views through the view-model instead). */
    public TabPane tabs() {
        return tabs;
    }

    /** Root for the scene, styled by the app's stylesheet. */
    public Parent root() {
        return this;
    }
}
