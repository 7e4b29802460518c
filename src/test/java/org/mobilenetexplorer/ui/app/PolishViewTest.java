package org.mobilenetexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.PresetWriter;
import org.mobilenetexplorer.ui.common.FxTaskExecutor;
import org.mobilenetexplorer.ui.common.MemorySettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Defects a user met in the walkthrough of issue 15, in the real window (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class PolishViewTest {
    private ExplorerWindow w;
    private TestDialogs dialogs;

    @TempDir
    static Path results;

    @Start
    void start(Stage stage) {
        dialogs = new TestDialogs(() -> stage);
        w = ExplorerApp.show(stage, new MemorySettings(), new FxTaskExecutor(), dialogs, results,
                new org.mobilenetexplorer.bench.BenchmarkEngine(new org.mobilenetexplorer.bench.InProcessRunner()));
    }

    @Test
    void learnsBlockChooserListsTheBlocksOfAnOpenedPresetsFamily(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("v3.json");
        PresetWriter.save(Preset.of("Small V3", "", "test", List.of(
                new PresetEntry(MobileNetConfig.of(Family.V3_SMALL, 1.0, 224), "small"))), file);
        dialogs.open = file;
        // the Learn view open on V1's last block, then the preset opened
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Integer> block = robot.lookup("#learn-block").queryAs(ComboBox.class);
        robot.interact(() -> block.setValue(13));
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        int expected = org.mobilenetexplorer.model.NetworkStats.of(MobileNetConfig.of(Family.V3_SMALL, 1.0, 224))
                .spec().blocks().size();
        assertEquals(expected, block.getItems().size(), String.valueOf(block.getItems()));
        robot.clickOn(block);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> popup = robot.lookup(".combo-box-popup .list-view").queryAs(ListView.class);
        long shown = robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                        && !c.getText().isEmpty()).count();
        assertTrue(shown > 0, "the open chooser shows blocks: " + popup.getItems());
        assertTrue(block.getButtonCell() == null || block.getButtonCell().getText() != null, "a block is chosen");
    }

    @Test
    void learnsBlockChooserShowsTheBlockAfterConfigurationsOfOtherFamiliesWereLoaded(FxRobot robot) {
        // as the screenshot tour: V1, V3-Large, V1 again, and only then the Learn view
        robot.interact(() -> {
            w.config().load(new MobileNetConfig(0.75, 192));
            w.config().load(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224));
            w.config().load(new MobileNetConfig(0.75, 192));
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Integer> block = robot.lookup("#learn-block").queryAs(ComboBox.class);
        assertEquals(13, block.getItems().size());
        assertEquals("1 · Conv2d_1", shown(block));
        robot.interact(() -> w.config().load(MobileNetConfig.of(Family.V3_SMALL, 1.0, 224)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(11, block.getItems().size());
        assertEquals(w.learn().blockLabel(w.learn().blockProperty().get()), shown(block));
        robot.interact(() -> block.setValue(11));
        robot.interact(() -> w.config().load(new MobileNetConfig(1.0, 224)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("11 · Conv2d_11", shown(block), "V1 has a block 11 too");
    }

    @Test
    void learnsDrawingsFollowTheDarkThemeAndStayReadable(FxRobot robot) {
        robot.interact(() -> w.config().load(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224)));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        int[] light = tones(robot.lookup("#learn-figure-0").queryAs(javafx.scene.image.ImageView.class));
        assertTrue(light[0] > 0.6 * light[2], "light theme: a white page " + java.util.Arrays.toString(light));
        robot.interact(() -> w.main().themeProperty().set(org.mobilenetexplorer.ui.common.Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#learn-figure-0", "#learn-figure-1")) {
            int[] dark = tones(robot.lookup(id).queryAs(javafx.scene.image.ImageView.class));
            assertTrue(dark[1] > 0.6 * dark[2], id + ": dark theme, a dark page " + java.util.Arrays.toString(dark));
            assertTrue(dark[0] > 0.002 * dark[2], id + ": with light text and lines on it "
                    + java.util.Arrays.toString(dark));
        }
        robot.interact(() -> w.main().themeProperty().set(org.mobilenetexplorer.ui.common.Theme.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
        int[] back = tones(robot.lookup("#learn-figure-0").queryAs(javafx.scene.image.ImageView.class));
        assertTrue(back[0] > 0.6 * back[2], "light again " + java.util.Arrays.toString(back));
    }

    /** Of the drawing's pixels: how many are light grey or white, how many dark, and all. */
    private static int[] tones(javafx.scene.image.ImageView view) {
        javafx.scene.image.PixelReader px = view.getImage().getPixelReader();
        int w = (int) view.getImage().getWidth();
        int h = (int) view.getImage().getHeight();
        int bright = 0;
        int darkCount = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                javafx.scene.paint.Color c = px.getColor(x, y);
                double grey = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()))
                        - Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
                if (grey < 0.08 && c.getBrightness() > 0.7) {
                    bright++;
                } else if (c.getBrightness() < 0.2) {
                    darkCount++;
                }
            }
        }
        return new int[] {bright, darkCount, ((w + 1) / 2) * ((h + 1) / 2)};
    }

    @Test
    void theNetworkDrawingsCostlyBoxesStandOutInBothThemes(FxRobot robot) {
        robot.interact(() -> w.config().load(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224)));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        List<org.mobilenetexplorer.ui.explore.NetworkDrawing.Box> boxes = w.explore().drawing(800, 100).boxes();
        var cheapest = boxes.stream().min(java.util.Comparator.comparingDouble(
                org.mobilenetexplorer.ui.explore.NetworkDrawing.Box::shade)).orElseThrow();
        var costliest = boxes.stream().max(java.util.Comparator.comparingDouble(
                org.mobilenetexplorer.ui.explore.NetworkDrawing.Box::shade)).orElseThrow();
        for (var theme : org.mobilenetexplorer.ui.common.Theme.values()) {
            robot.interact(() -> w.main().themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.paint.Color page = theme == org.mobilenetexplorer.ui.common.Theme.DARK
                    ? javafx.scene.paint.Color.web("#0d1117") : javafx.scene.paint.Color.WHITE;
            double cheap = contrast(fill(robot, cheapest.key()), page);
            double costly = contrast(fill(robot, costliest.key()), page);
            assertTrue(costly > cheap + 0.3, theme + ": the costliest box stands out from the page more than the"
                    + " cheapest (" + costly + " vs " + cheap + ")");
        }
    }

    private static javafx.scene.paint.Color fill(FxRobot robot, String key) {
        return (javafx.scene.paint.Color) robot.lookup("#box-" + key.replace('/', '-'))
                .queryAs(javafx.scene.shape.Rectangle.class).getFill();
    }

    /** How far apart two colours' luminances are, 0..1. */
    private static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        return Math.abs(luminance(a) - luminance(b));
    }

    private static double luminance(javafx.scene.paint.Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    /** The text the closed chooser shows (its button cell, a child of the chooser's skin). */
    private static String shown(ComboBox<?> box) {
        return box.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.control.ListCell<?>)
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).findFirst().orElseThrow();
    }

    @Test
    void compareTablesShowTheirLabelsOnTheBaselineOfTheirNumbers(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL); // pin 1.0-224
        robot.interact(() -> w.config().load(new MobileNetConfig(0.5, 160)));
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#compare-totals", "#compare-stages", "#compare-layers")) {
            javafx.scene.Node table = robot.lookup(id).query();
            int rows = 0;
            for (javafx.scene.Node row : table.lookupAll(".table-row-cell")) {
                List<javafx.scene.text.Text> texts = ((javafx.scene.Parent) row).getChildrenUnmodifiable().stream()
                        .filter(c -> c instanceof javafx.scene.control.TableCell<?, ?> cell && !cell.isEmpty())
                        .sorted(java.util.Comparator.comparingDouble(javafx.scene.Node::getLayoutX))
                        .map(c -> (javafx.scene.text.Text) c.lookup(".text"))
                        .filter(t -> t != null && !t.getText().isEmpty()).toList();
                if (texts.size() < 2) {
                    continue;
                }
                rows++;
                double label = baseline(texts.get(0));
                for (javafx.scene.text.Text t : texts.subList(1, texts.size())) {
                    assertEquals(label, baseline(t), 0.75, id + ": '" + texts.get(0).getText() + "' and '"
                            + t.getText() + "' on one baseline");
                }
            }
            assertTrue(rows >= 2, id + ": rows checked " + rows);
        }
    }

    /** The scene y of the text's baseline. */
    private static double baseline(javafx.scene.text.Text t) {
        return t.localToScene(t.getLayoutBounds()).getMinY() + t.getBaselineOffset();
    }
}
