package org.mobilenetexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.InProcessRunner;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.chart.ExportFormat;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.ui.benchmark.BenchmarkViewModel;
import org.mobilenetexplorer.ui.benchmark.ResultRow;
import org.mobilenetexplorer.ui.common.FxTaskExecutor;
import org.mobilenetexplorer.ui.common.MemorySettings;
import org.mobilenetexplorer.ui.tradeoff.TradeoffViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Benchmark and Trade-offs tabs with the real engine (in-process runner, real ONNX Runtime, so the test
 * needs no worker JVM) and a temporary results folder.
 */
@ExtendWith(ApplicationExtension.class)
class BenchmarkAndTradeoffViewTest {
    @TempDir
    static Path results;
    private ExplorerWindow window;
    private TestDialogs dialogs;
    private BenchmarkEngine engine;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(results, "r");
        dialogs = new TestDialogs(() -> stage);
        engine = new BenchmarkEngine(new InProcessRunner());
        window = ExplorerApp.show(stage, new MemorySettings(), new FxTaskExecutor(), dialogs, dir, engine);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void aTinyBenchmarkCompletesAndItsRowAppearsAndIsSaved(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.config().load(new MobileNetConfig(0.25, 96));
            window.config().backendProperty().set("onnxruntime");
            window.main().viewProperty().set(AppView.BENCHMARK);
        });
        BenchmarkViewModel b = window.benchmark();
        robot.interact(() -> {
            b.modeProperty().set(BenchmarkViewModel.Mode.TINY);
            b.profileLayersProperty().set(true);
        });
        robot.clickOn("#run-current");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !b.runningProperty().get()
                && !b.results().isEmpty());
        TableView<?> table = robot.lookup("#results-table").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        ResultRow row = (ResultRow) table.getItems().get(0);
        assertEquals("0.25-96", row.config());
        assertTrue(row.backend().startsWith("onnxruntime"), row.backend());
        assertTrue(row.result().latencyMs().median() > 0);
        assertEquals(3, row.result().latencyMs().n());
        assertEquals("", robot.lookup("#benchmark-failure").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#benchmark-phase").queryAs(Label.class).getText().startsWith("Done: 1 measured"));
        // saved automatically and reloadable
        assertEquals(1, ResultStore.loadAll(b.resultsDirProperty().get()).results().size());
        // its per-layer profile feeds the chart; Compare finds its median
        assertTrue(!b.layers().isEmpty());
        robot.interact(window.compare()::pinCurrent);
        assertTrue(window.compare().totals().get(window.compare().totals().size() - 1).cell(0).endsWith("ms"));
    }

    @Test
    void oneInt8ChoiceInBothPanelsDisabledUnderDl4jWithTheReasonAndInt8ResultsAreLabelled(FxRobot robot)
            throws Exception {
        BenchmarkViewModel b = window.benchmark();
        robot.interact(() -> {
            window.config().load(new MobileNetConfig(0.25, 96));
            window.config().backendProperty().set("onnxruntime");
            window.main().viewProperty().set(AppView.BENCHMARK);
            b.modeProperty().set(BenchmarkViewModel.Mode.TINY);
            b.profileLayersProperty().set(false);
        });
        robot.interact(() -> robot.lookup("#benchmark-precision-int8").queryAs(RadioButton.class).fire());
        assertEquals(Precision.INT8, window.config().precisionProperty().get());
        assertTrue(robot.lookup("#precision-choice-int8").queryAs(RadioButton.class).isSelected());
        assertTrue(!robot.lookup("#benchmark-precision-refusal").queryAs(Label.class).isVisible());
        robot.clickOn("#run-current");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !b.runningProperty().get() && !b.results().isEmpty());
        ResultRow row = (ResultRow) robot.lookup("#results-table").queryAs(TableView.class).getItems().get(0);
        assertEquals("0.25-96 int8", row.config());
        assertTrue(row.result().protocol().backendOptions().get("precision").equals("int8"), row.result().toString());

        // DL4J cannot run INT8: the choice goes back to FP32 and INT8 is disabled in both places, with the reason
        robot.interact(() -> window.config().backendProperty().set("dl4j"));
        assertEquals(Precision.FP32, b.precisionProperty().get());
        for (String id : List.of("precision-choice", "benchmark-precision")) {
            assertTrue(robot.lookup("#" + id + "-int8").queryAs(RadioButton.class).isDisabled(), id);
            assertTrue(robot.lookup("#" + id + "-fp32").queryAs(RadioButton.class).isSelected(), id);
            Label reason = robot.lookup("#" + id + "-refusal").queryAs(Label.class);
            assertTrue(reason.isVisible(), id);
            assertEquals("INT8: DL4J has no INT8 CPU inference (INT8 runs on onnxruntime)", reason.getText());
        }
    }

    @Test
    void anotherResultsFolderIsReadAndWrittenAndAMissingOneIsRefused(FxRobot robot) throws Exception {
        BenchmarkViewModel b = window.benchmark();
        Path other = Files.createTempDirectory(results, "sweep-out");
        Files.writeString(other.resolve("broken.json"), "{ not json");
        dialogs.folder = other;
        robot.interact(() -> window.main().viewProperty().set(AppView.BENCHMARK));
        robot.clickOn("#open-results-folder");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> b.storeStatusProperty().get().startsWith("0 results in "
                + other));
        String status = b.storeStatusProperty().get();
        assertTrue(status.contains("skipped 1") && status.contains("broken.json"), status);
        assertEquals(other, window.tradeoffs().resultsDir());
        // a run now saves into the opened folder
        robot.interact(() -> {
            window.config().load(new MobileNetConfig(0.25, 96));
            b.modeProperty().set(BenchmarkViewModel.Mode.TINY);
            b.profileLayersProperty().set(false);
            b.run(List.of(new MobileNetConfig(0.25, 96)), "onnxruntime");
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !b.runningProperty().get()
                && !b.results().isEmpty());
        assertEquals(1, ResultStore.loadAll(other).results().size());
        // a folder that is not there is refused with its name; the opened one stays
        Path missing = other.resolve("missing");
        robot.interact(() -> assertTrue(!b.openResultsFolder(missing)));
        assertTrue(b.storeStatusProperty().get().contains(missing + ": not a folder"), b.storeStatusProperty().get());
        assertEquals(other, b.resultsDirProperty().get());
    }

    @Test
    void aFailingBenchmarkShowsItsMessageAndTheAppGoesOn(FxRobot robot) throws Exception {
        BenchmarkViewModel b = window.benchmark();
        robot.interact(() -> b.run(List.of(new MobileNetConfig(0.25, 96)), "no-such-backend"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !b.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String failure = robot.lookup("#benchmark-failure").queryAs(Label.class).getText();
        assertTrue(failure.contains("no-such-backend"), failure);
        assertTrue(b.results().isEmpty());
    }

    @Test
    void cancelStopsARunningSweep(FxRobot robot) throws Exception {
        BenchmarkViewModel b = window.benchmark();
        robot.interact(() -> {
            window.main().viewProperty().set(AppView.BENCHMARK);
            b.modeProperty().set(BenchmarkViewModel.Mode.STANDARD);
            b.profileLayersProperty().set(false);
            b.run(List.of(new MobileNetConfig(0.25, 96), new MobileNetConfig(0.5, 96), new MobileNetConfig(0.75, 96)),
                    "onnxruntime");
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#benchmark-phase").queryAs(Label.class)
                .getText().contains("measuring"));
        robot.clickOn("#cancel-benchmark");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !b.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String phase = robot.lookup("#benchmark-phase").queryAs(Label.class).getText();
        assertTrue(b.results().size() < 3, "the sweep stopped early: " + phase);
        assertTrue(robot.lookup("#run-current").queryButton().isDisabled() == false, "ready for the next run");
    }

    @Test
    void exportsWriteFilesThatParse(FxRobot robot, @TempDir Path out) throws Exception {
        robot.interact(() -> window.main().viewProperty().set(AppView.TRADEOFFS));
        TradeoffViewModel t = window.tradeoffs();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> t.chartProperty().get() != null);
        Path csv = out.resolve("points.csv");
        dialogs.save = csv;
        robot.interact(() -> t.exportWithChooser(ExportFormat.CSV));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("series,role,label,alpha,resolution,x,y"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains(",0.75,192,")), "the 16 TF-Slim points are exported");
        Path png = out.resolve("chart.png");
        dialogs.save = png;
        robot.interact(() -> t.exportWithChooser(ExportFormat.PNG));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(png) && Files.size(png) > 0);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertEquals(TradeoffViewModel.EXPORT_WIDTH, img.getWidth());
        assertEquals(TradeoffViewModel.EXPORT_HEIGHT, img.getHeight());
        // clicking a point (here: the table's double-click path) loads its configuration
        robot.interact(() -> t.load(t.points().get(5).point()));
        assertEquals(t.points().get(5).point().config(), window.config().config());
    }
}
