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
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.shape.Rectangle;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.Family;
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
        assertEquals(30, w.explore().rows().size());
        TreeTableView<?> table = robot.lookup("#layer-table").queryAs(TreeTableView.class);
        assertEquals(30 + 13, table.getExpandedItemCount(), "V1's 13 separable blocks start expanded");
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
        TreeTableView<?> table = robot.lookup("#layer-table").queryAs(TreeTableView.class);
        robot.interact(() -> table.getSelectionModel().select(21)); // Conv2d_7_pointwise (after 7 block rows)
        assertEquals("Conv2d_7_pointwise", w.explore().selectedLayerProperty().get());
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

    @Test
    void choosingAFamilyShowsItAndDisablesTheKnobsThatDoNotApplyWithTheReason(FxRobot robot) {
        ComboBox<?> family = robot.lookup("#family-choice").queryAs(ComboBox.class);
        CheckBox minimalistic = robot.lookup("#minimalistic-check").queryAs(CheckBox.class);
        assertTrue(minimalistic.isDisabled(), "no minimalistic V1");
        assertTrue(!robot.lookup("#rounding-choice").query().isDisabled());
        robot.clickOn(family);
        robot.clickOn("v3-large");
        assertEquals("v3-large 1.0-224", text(robot, "#config-label"));
        assertEquals(NetworkStats.of(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224)).totals().macs(),
                w.explore().statsProperty().get().totals().macs());
        for (String id : List.of("#rounding-choice", "#blocks14-spinner", "#standard-conv-check", "#activation-choice")) {
            assertTrue(robot.lookup(id).query().isDisabled(), id);
        }
        javafx.scene.Node holder = robot.lookup("#rounding-choice-holder").query();
        Object tip = holder.getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(tip instanceof javafx.scene.control.Tooltip t && t.getText().startsWith(
                "Applies to MobileNet v1 only"), String.valueOf(tip));
        assertTrue(!minimalistic.isDisabled());
        robot.clickOn(minimalistic);
        assertEquals("v3-large-min 1.0-224", text(robot, "#config-label"));
        // a V2 preset opened in the GUI shows as V2
        robot.interact(() -> w.config().load(MobileNetConfig.of(Family.V2, 1.4, 224)));
        assertEquals(Family.V2, family.getValue());
        assertEquals("v2 1.4-224", text(robot, "#config-label"));
        Slider alpha = robot.lookup("#alpha-slider").queryAs(Slider.class);
        assertEquals(1.4, alpha.getMax(), 1e-9, "V2's widest published width ends the slider");
        assertEquals(1.4, alpha.getValue(), 1e-9);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("0.35", "0.5", "0.75", "1.0", "1.3", "1.4"), tickLabels(robot, "alpha-slider"));
        robot.interact(alpha::requestFocus);
        robot.type(KeyCode.LEFT);
        assertEquals("v2 1.3-224", text(robot, "#config-label"), "arrow keys go from stop to stop");
        robot.interact(() -> w.config().load(new MobileNetConfig(0.5, 160)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("0.25", "0.5", "0.75", "1.0"), tickLabels(robot, "alpha-slider"));
        assertEquals(List.of("96", "128", "160", "192", "224", "256"), tickLabels(robot, "resolution-slider"));
    }

    @Test
    void sliderTickLabelsStayAtTheStopsAfterPresentationModeAndBack(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> alphaStops = List.of("0.25", "0.5", "0.75", "1.0");
        List<String> resolutionStops = List.of("96", "128", "160", "192", "224", "256");
        for (boolean on : new boolean[] {true, false, true, false}) {
            robot.interact(() -> w.main().presentationProperty().set(on));
            WaitForAsyncUtils.waitForFxEvents();
            // the built-in axis swapped its labels over a few pulses and hid some it measured as overlapping; our own
            // label row is laid out with the new font in one pass: no waiting
            assertEquals(alphaStops, tickLabels(robot, "alpha-slider"), "presentation " + on);
            assertEquals(resolutionStops, tickLabels(robot, "resolution-slider"), "presentation " + on);
            assertLabelsSitAtTheirStops(robot, "alpha-slider");
            assertLabelsSitAtTheirStops(robot, "resolution-slider");
        }
    }

    @Test
    void sliderLabelsFollowAFamilyChangeToV3SmallAndBack(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> w.config().load(MobileNetConfig.of(Family.V3_SMALL, 1.0, 224)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("0.35", "0.75", "1.0", "1.25"), tickLabels(robot, "alpha-slider"));
        assertEquals(List.of("96", "224", "256"), tickLabels(robot, "resolution-slider"));
        assertLabelsSitAtTheirStops(robot, "alpha-slider");
        assertLabelsSitAtTheirStops(robot, "resolution-slider");
        robot.interact(() -> w.main().presentationProperty().set(true));
        robot.interact(() -> w.config().load(MobileNetConfig.of(Family.V2, 1.4, 224)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("0.35", "0.5", "0.75", "1.0", "1.3", "1.4"), tickLabels(robot, "alpha-slider"),
                "1.3 and 1.4 lie close together: both labelled, in large type too");
        assertLabelsSitAtTheirStops(robot, "alpha-slider");
        robot.interact(() -> w.main().presentationProperty().set(false));
        robot.interact(() -> w.config().load(new MobileNetConfig(1.0, 224)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("0.25", "0.5", "0.75", "1.0"), tickLabels(robot, "alpha-slider"));
        assertLabelsSitAtTheirStops(robot, "alpha-slider");
        assertLabelsSitAtTheirStops(robot, "resolution-slider");
    }

    /** The stop labels shown under the slider {@code id}, left to right. */
    private static List<String> tickLabels(FxRobot robot, String id) {
        return stopLabels(robot, id).stream().map(Label::getText).toList();
    }

    private static List<Label> stopLabels(FxRobot robot, String id) {
        return robot.lookup("#" + id + "-stops").query().lookupAll(".slider-stop-label").stream()
                .map(n -> (Label) n).filter(l -> l.isVisible() && !l.getText().isEmpty())
                .sorted(java.util.Comparator.comparingDouble(l -> l.localToScene(0, 0).getX())).toList();
    }

    /**
     * Each label of the slider {@code id}, read as a value: the thumb, moved there, has its centre over the label;
     * no two labels overlap; none is cut by the slider's bounds. The slider goes back where it was.
     */
    private void assertLabelsSitAtTheirStops(FxRobot robot, String id) {
        Slider slider = robot.lookup("#" + id).queryAs(Slider.class);
        javafx.scene.Node row = robot.lookup("#" + id + "-stops").query();
        MobileNetConfig before = w.config().configProperty().get();
        List<Label> labels = stopLabels(robot, id);
        javafx.geometry.Bounds area = row.localToScene(row.getLayoutBounds());
        for (Label l : labels) {
            javafx.geometry.Bounds b = l.localToScene(l.getLayoutBounds());
            assertTrue(b.getWidth() >= l.prefWidth(-1) - 0.5 && b.getMinX() >= area.getMinX() - 0.5
                    && b.getMaxX() <= area.getMaxX() + 0.5, id + ": '" + l.getText() + "' cut: " + b + " in " + area);
            for (Label other : labels) {
                javafx.geometry.Bounds o = other.localToScene(other.getLayoutBounds());
                boolean overlap = Math.min(b.getMaxX(), o.getMaxX()) - Math.max(b.getMinX(), o.getMinX()) > 0.5
                        && Math.min(b.getMaxY(), o.getMaxY()) - Math.max(b.getMinY(), o.getMinY()) > 0.5;
                assertTrue(other == l || !overlap, id + ": '" + l.getText() + "' overlaps '"
                        + other.getText() + "'");
            }
            double v = Double.parseDouble(l.getText());
            robot.interact(() -> slider.setValue(v));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(v, slider.getValue(), 1e-9, id + " went to " + l.getText());
            javafx.scene.Node thumb = slider.lookup(".thumb");
            javafx.geometry.Bounds t = thumb.localToScene(thumb.getLayoutBounds());
            double centre = (t.getMinX() + t.getMaxX()) / 2;
            assertTrue(centre >= b.getMinX() && centre <= b.getMaxX(), id + ": thumb at " + l.getText() + " is at x "
                    + centre + ", its label spans " + b.getMinX() + ".." + b.getMaxX());
        }
        robot.interact(() -> w.config().load(before));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingABoxOfTheNetworkDrawingSelectsItsRowAndSelectingARowHighlightsTheBox(FxRobot robot)
            throws Exception {
        robot.interact(() -> w.config().load(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224)));
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle box = robot.lookup("#box-expanded_conv_3").queryAs(Rectangle.class);
        robot.clickOn(box);
        TreeTableView<?> table = robot.lookup("#layer-table").queryAs(TreeTableView.class);
        Object selected = table.getSelectionModel().getSelectedItem().getValue();
        assertEquals("expanded_conv_3", ((org.mobilenetexplorer.ui.explore.LayerTableRow) selected).key());
        assertTrue(box.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("selected")));
        // a layer inside another block, chosen elsewhere: its block expands, the row and the block's box are selected
        robot.interact(() -> w.explore().selectedLayerProperty().set("expanded_conv_5/squeeze_excite/Conv"));
        Object row = table.getSelectionModel().getSelectedItem().getValue();
        assertEquals("expanded_conv_5/squeeze_excite/Conv",
                ((org.mobilenetexplorer.ui.explore.LayerTableRow) row).key());
        Rectangle box5 = robot.lookup("#box-expanded_conv_5").queryAs(Rectangle.class);
        assertTrue(box5.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("selected")));
        assertTrue(box.getPseudoClassStates().isEmpty() || box.getPseudoClassStates().stream()
                .noneMatch(p -> p.getPseudoClassName().equals("selected")));
        // Ctrl+C copies the selected row with the headers, as every table does
        robot.clickOn(robot.lookup("#box-Conv_1").queryAs(Rectangle.class));
        robot.interact(table::requestFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        String[] lines = copied.split("\n");
        assertEquals(2, lines.length, copied);
        assertTrue(lines[0].startsWith("#\tLayer\tKind"), lines[0]);
        assertTrue(lines[1].contains("\tConv_1\tConv 1x1\t"), lines[1]);
    }
}
