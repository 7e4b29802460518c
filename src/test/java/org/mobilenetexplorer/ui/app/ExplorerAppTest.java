package org.mobilenetexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.PresetWriter;
import org.mobilenetexplorer.ui.common.FxDialogs;
import org.mobilenetexplorer.ui.common.FxTaskExecutor;
import org.mobilenetexplorer.ui.common.MemorySettings;
import org.mobilenetexplorer.ui.compare.CompareRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle), driven like a user: keys, typing, menus by accelerator. */
@ExtendWith(ApplicationExtension.class)
class ExplorerAppTest {
    private ExplorerWindow w;
    private TestDialogs dialogs;
    private final MemorySettings settings = new MemorySettings();

    @TempDir
    static Path results;

    /** Never the user's preferences, results folder or file choosers. */
    @Start
    void start(Stage stage) {
        dialogs = new TestDialogs(() -> stage);
        w = ExplorerApp.show(stage, settings, new FxTaskExecutor(), dialogs, results,
                new org.mobilenetexplorer.bench.BenchmarkEngine(new org.mobilenetexplorer.bench.InProcessRunner()));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void movingAlphaUpdatesTheTotalsToTheExactValues(FxRobot robot) throws Exception {
        // the window is built in start(); wait (condition-based, generous for a loaded machine) until it shows
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#total-macs").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).orElse(false));
        assertTrue(text(robot, "#total-macs").startsWith("568,740,352 MACs"), text(robot, "#total-macs"));
        Slider alpha = robot.lookup("#alpha-slider").queryAs(Slider.class);
        robot.interact(alpha::requestFocus);
        robot.type(KeyCode.LEFT, 2); // two stops down: 1.0 -> 0.75 -> 0.5
        long expected = NetworkStats.of(new MobileNetConfig(0.5, 224)).totals().macs();
        assertEquals(149_497_088L, expected); // known value: TF-Slim prints 150, the paper 149
        assertEquals("149,497,088 MACs (149.50 M)", text(robot, "#total-macs"));
        assertEquals("0.5-224", text(robot, "#config-label"));
        TableView<?> table = robot.lookup("#layer-table").queryAs(TableView.class);
        assertEquals(30, table.getItems().size());
        // resolution: one stop down
        Slider res = robot.lookup("#resolution-slider").queryAs(Slider.class);
        robot.interact(res::requestFocus);
        robot.type(KeyCode.LEFT);
        assertEquals("rho = 192 / 224 = 0.857", text(robot, "#rho-label"));
        assertTrue(text(robot, "#total-macs").startsWith(
                String.format(java.util.Locale.ROOT, "%,d",
                        NetworkStats.of(new MobileNetConfig(0.5, 192)).totals().macs())));
    }

    @Test
    void typedValuesApplyAndOutOfRangeOnesAreRejectedInline(FxRobot robot) {
        Spinner<?> res = robot.lookup("#resolution-spinner").queryAs(Spinner.class);
        robot.clickOn(res.getEditor());
        robot.interact(() -> res.getEditor().selectAll());
        robot.write("160").type(KeyCode.ENTER);
        assertEquals("1.0-160", text(robot, "#config-label"));
        assertTrue(text(robot, "#total-macs").startsWith("290,675,200 MACs"), text(robot, "#total-macs"));
        robot.interact(() -> res.getEditor().selectAll());
        robot.write("5000").type(KeyCode.ENTER);
        Label error = robot.lookup("#config-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("resolution") && error.getText().contains("5000"), error.getText());
        assertEquals("1.0-160", text(robot, "#config-label"));
    }

    @Test
    void openingAPresetListsItsConfigurationsAndRemembersTheFile(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("two.json");
        PresetWriter.save(Preset.of("Two widths", "", "test", List.of(
                new PresetEntry(new MobileNetConfig(0.25, 128), "smallest"),
                new PresetEntry(new MobileNetConfig(0.75, 192)))), file);
        dialogs.open = file;
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Preset: Two widths", text(robot, "#preset-name"));
        ListView<?> list = robot.lookup("#preset-list").queryAs(ListView.class);
        assertEquals(2, list.getItems().size());
        assertEquals("0.25-128", text(robot, "#config-label"));
        robot.interact(() -> list.getSelectionModel().select(1));
        assertEquals("0.75-192", text(robot, "#config-label"));
        assertEquals(file.toAbsolutePath(), w.presets().recentFiles().get(0));
        assertEquals(dir.toAbsolutePath().toString(), settings.get("folder.presets").orElseThrow());
        // the bundled presets are in the Presets menu: Ctrl+Shift+1 is the first
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.DIGIT1).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals("Preset: " + w.presets().bundledPresets().get(0).name(), text(robot, "#preset-name"));
    }

    @Test
    void aBadPresetShowsADialogNamingFileFieldAndValue(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schemaVersion\": 1, \"name\": \"bad\", \"configs\": [{\"alpha\": 1.0,"
                + " \"resolution\": 224}, {\"alpha\": -0.5, \"resolution\": 224}]}");
        dialogs.open = bad;
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup("#" + FxDialogs.ERROR_DIALOG_ID).queryAs(DialogPane.class);
        String message = pane.getContentText();
        assertTrue(message.contains("bad.json") && message.contains("configs[1].alpha")
                && message.contains("-0.5"), message);
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
        assertEquals("1.0-224", text(robot, "#config-label")); // nothing changed, the app goes on
    }

    @Test
    void savingAsPresetWritesAFileThatLoadsBack(FxRobot robot, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("mine.json");
        robot.interact(() -> w.config().load(new MobileNetConfig(0.5, 160)));
        dialogs.save = out;
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Preset p = org.mobilenetexplorer.preset.PresetLoader.load(out);
        assertEquals(new MobileNetConfig(0.5, 160), p.configs().get(0).config());
    }

    @Test
    void pinnedConfigurationsAppearSideBySideWithDeltas(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);   // pin 1.0-224
        robot.interact(() -> w.config().load(new MobileNetConfig(0.25, 224)));
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);   // pin 0.25-224
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        TableView<CompareRow> totals = robot.lookup("#compare-totals").queryAs(TableView.class);
        assertEquals(3, totals.getColumns().size());
        assertEquals("568.74", totals.getItems().get(0).cell(0));
        assertTrue(totals.getItems().get(0).cell(1).startsWith("41.03  (-92.8 %)"), totals.getItems().get(0).cell(1));
        assertEquals(AppView.COMPARE, w.main().viewProperty().get());
    }

    @Test
    void selectingALayerExplainsItsBlockInLearnAndPresentationModeEnlargesFonts(FxRobot robot) {
        TableView<?> table = robot.lookup("#layer-table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(14)); // Conv2d_7_pointwise
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        assertEquals("D_K = 3   M = 512   N = 512   D_F = 14", text(robot, "#learn-symbols"));
        assertTrue(text(robot, "#learn-standard").endsWith("= 462,422,016"));
        double before = robot.lookup("#learn-symbols").queryAs(Label.class).getFont().getSize();
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        double after = robot.lookup("#learn-symbols").queryAs(Label.class).getFont().getSize();
        assertTrue(after > before * 1.3, before + " -> " + after);
    }

    @Test
    void stateIsRememberedInTheInjectedSettingsOnly(FxRobot robot) throws Exception {
        robot.interact(() -> w.config().load(new MobileNetConfig(0.75, 128)));
        robot.interact(() -> ((Stage) robot.lookup("#main-window").query().getScene().getWindow()).close());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> settings.get("config.alpha").isPresent());
        assertEquals("0.75", settings.get("config.alpha").orElseThrow());
        assertEquals("128", settings.get("config.resolution").orElseThrow());
        assertTrue(settings.get("window.w").isPresent());
    }

    @Test
    void ctrlZUndoesASliderDragAsOneStepAndCtrlShiftZRedoesIt(FxRobot robot) {
        Slider alpha = robot.lookup("#alpha-slider").queryAs(Slider.class);
        javafx.scene.Node thumb = alpha.lookup(".thumb");
        robot.drag(thumb).moveBy(-alpha.getWidth() / 6, 0).moveBy(-alpha.getWidth() / 6, 0).drop();
        String dragged = text(robot, "#config-label");
        assertTrue(!dragged.equals("1.0-224") && dragged.endsWith("-224"), dragged);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals("1.0-224", text(robot, "#config-label"), "the whole drag is one step");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(dragged, text(robot, "#config-label"));
        // two key steps are two undo steps
        robot.interact(alpha::requestFocus);
        robot.type(KeyCode.RIGHT, 1);
        robot.interact(() -> w.config().resolutionProperty().set(160));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(dragged, text(robot, "#config-label"));
    }

    @Test
    void theDarkThemeRestylesTheWindowAndItsChartsAndIsRemembered(FxRobot robot) throws Exception {
        org.jfree.chart.fx.ChartViewer chart = robot.lookup("#shares-chart")
                .queryAs(org.jfree.chart.fx.ChartViewer.class);
        try {
            robot.interact(() -> w.main().themeProperty().set(org.mobilenetexplorer.ui.common.Theme.DARK));
            assertTrue(javafx.application.Application.getUserAgentStylesheet().contains("primer-dark"),
                    javafx.application.Application.getUserAgentStylesheet());
            assertEquals(org.mobilenetexplorer.chart.ChartColors.DARK.background(),
                    chart.getChart().getBackgroundPaint());
            assertEquals("dark", settings.get("theme").orElseThrow());
            // a chart a view builds afterwards (new data) gets the dark colours too
            org.jfree.chart.JFreeChart before = chart.getChart();
            robot.interact(() -> w.config().alphaProperty().set(0.5));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.getChart() != before
                    && org.mobilenetexplorer.chart.ChartColors.DARK.background()
                    .equals(chart.getChart().getBackgroundPaint()));
        } finally {
            robot.interact(() -> w.main().themeProperty().set(org.mobilenetexplorer.ui.common.Theme.LIGHT));
        }
        assertTrue(javafx.application.Application.getUserAgentStylesheet().contains("primer-light"));
        assertEquals(java.awt.Color.WHITE, chart.getChart().getBackgroundPaint());
    }
}
