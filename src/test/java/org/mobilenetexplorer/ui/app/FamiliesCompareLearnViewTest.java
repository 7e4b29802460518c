package org.mobilenetexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.ui.common.FxTaskExecutor;
import org.mobilenetexplorer.ui.common.MemorySettings;
import org.mobilenetexplorer.ui.compare.CompareRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Compare and Learn across families in the real window (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class FamiliesCompareLearnViewTest {
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
    void aV1AndAV3ConfigurationCompareByStageAndTheHintNamesTheRealMenu(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        String hint = robot.lookup("#compare-message").queryAs(Label.class).getText();
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        Menu holder = bar.getMenus().stream().filter(m -> m.getItems().stream()
                .anyMatch(i -> "menu-pin".equals(i.getId()))).findFirst().orElseThrow();
        String menu = holder.getText().replace("_", "");
        assertTrue(hint.contains(menu + " > Pin current configuration"), hint + " / the item is in " + menu);

        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL); // pin V1 1.0-224
        robot.interact(() -> w.config().load(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224)));
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL); // pin V3-Large 1.0-224
        WaitForAsyncUtils.waitForFxEvents();
        TableView<CompareRow> stages = robot.lookup("#compare-stages").queryAs(TableView.class);
        assertEquals(3, stages.getColumns().size());
        assertEquals("112x112 (stride 2) MACs [M]", stages.getItems().get(0).metric());
        assertEquals("40.14", stages.getItems().get(0).cell(0));
        assertEquals("23.28  (-42.0 %)", stages.getItems().get(0).cell(1));
        TableView<CompareRow> layers = robot.lookup("#compare-layers").queryAs(TableView.class);
        assertTrue(layers.getItems().isEmpty());
        assertTrue(((Label) layers.getPlaceholder()).getText().contains("do not align"));
        TableView<CompareRow> totals = robot.lookup("#compare-totals").queryAs(TableView.class);
        assertEquals("568.74", totals.getItems().get(0).cell(0));
    }

    @Test
    void learnDrawsTheSelectedV2BlockAndExportsTheDrawing(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> {
            w.config().load(MobileNetConfig.of(Family.V2, 1.0, 224));
            w.explore().selectedLayerProperty().set("expanded_conv_2/project");
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#learn-residual").queryAs(Label.class).getText()
                .contains("narrow (M = 24) → wide (t·M = 144, t = 6) → narrow (N = 24)"));
        ImageView figure = robot.lookup("#learn-figure-0").queryAs(ImageView.class);
        assertTrue(figure.getImage() != null && figure.getImage().getWidth() >= 480, "drawn");
        double before = figure.getFitWidth();
        Path svg = dir.resolve("ir.svg");
        dialogs.save = svg;
        robot.clickOn("#learn-export-svg-0");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(svg));
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        String text = xml.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getTextContent();
        assertTrue(text.contains("56×56×144") && text.contains("Inverted residual expanded_conv_2"), text);
        // the drawing follows the selected block
        robot.interact(() -> w.explore().selectedLayerProperty().set("expanded_conv_3/depthwise"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#learn-residual").queryAs(Label.class).getText().endsWith("changes the map size."));
        assertTrue(robot.lookup("#learn-figure-0").queryAs(ImageView.class).getFitWidth() >= before - 1);
    }
}
