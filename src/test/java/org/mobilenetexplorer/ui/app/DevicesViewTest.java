package org.mobilenetexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.BenchmarkOutcome;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.EnvironmentProbe;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.predict.CalibrationGrid;
import org.mobilenetexplorer.predict.DeviceProfiles;
import org.mobilenetexplorer.predict.Precision;
import org.mobilenetexplorer.predict.SyntheticProfiles;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.tradeoff.LatencyKind;
import org.mobilenetexplorer.tradeoff.LatencySeries;
import org.mobilenetexplorer.tradeoff.TradeoffAnalysisTest;
import org.mobilenetexplorer.ui.benchmark.ResultRow;
import org.mobilenetexplorer.ui.common.FxTaskExecutor;
import org.mobilenetexplorer.ui.common.MemorySettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Results from other devices and the predicted latency in the real window (Monocle): the Explore label with and
 * without a device profile (and a profile written by a terminal's {@code calibrate} while the window is open), File >
 * Import results, the Benchmark table's device filter and device record, the trade-off chart's device and predicted
 * series. The engine never runs a network (every request is cancelled); the results folder is a temporary one.
 */
@ExtendWith(ApplicationExtension.class)
class DevicesViewTest {
    private static final String ARM = "Cortex-A76, Linux aarch64";
    private static final MobileNetConfig SLIM_224 = new MobileNetConfig(1.0, 224).withClasses(1001);

    @TempDir
    static Path root;
    private Path results;
    private ExplorerWindow window;
    private TestDialogs dialogs;
    private BenchmarkEngine engine;

    @Start
    void start(Stage stage) throws Exception {
        results = Files.createTempDirectory(root, "results");
        dialogs = new TestDialogs(() -> stage);
        engine = new BenchmarkEngine((request, listener, cancel) -> new BenchmarkOutcome.Cancelled(request));
        window = ExplorerApp.show(stage, new MemorySettings(), new FxTaskExecutor(), dialogs, results, engine);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitFor(FxRobot robot, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theExploreLabelOffersCalibrationWithoutAProfileAndPicksUpOneACalibrateInATerminalWrote(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            window.config().backendProperty().set("onnxruntime");
            window.config().load(new MobileNetConfig(0.6, 176));
            window.main().viewProperty().set(AppView.EXPLORE);
        });
        waitFor(robot, () -> label(robot, "#predictedLatency").startsWith("No predicted latency"));
        assertEquals("No predicted latency: no onnxruntime FP32 device profile on this machine yet.",
                label(robot, "#predictedLatency"));
        Hyperlink link = robot.lookup("#calibrateLink").queryAs(Hyperlink.class);
        assertTrue(link.isVisible());
        assertNotNull(link.getTooltip());

        // `calibrate` in a terminal writes the profile while the window is open; Explore shown again reads it
        DeviceProfiles.write(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.03, 5),
                DeviceProfiles.file(results, "onnxruntime", Precision.FP32));
        robot.interact(() -> window.main().viewProperty().set(AppView.COMPARE));
        robot.interact(() -> window.main().viewProperty().set(AppView.EXPLORE));
        waitFor(robot, () -> label(robot, "#predictedLatency").contains("predicted on this machine"));
        String text = label(robot, "#predictedLatency");
        assertTrue(text.matches("\\d+(\\.\\d+)? ms \\+- \\d+(\\.\\d+)? predicted on this machine \\(onnxruntime, "
                + "batch 1\\), profile of 2026-11-\\d\\d"), text);
        assertFalse(link.isVisible());
        // the label follows the sliders at once
        robot.interact(() -> window.config().load(new MobileNetConfig(1.0, 224)));
        assertFalse(text.equals(label(robot, "#predictedLatency")));
        assertTrue(label(robot, "#predictedLatency").contains("predicted on this machine"));

        // the trade-off chart fills unmeasured points with predictions: a series of its own, hollow markers
        robot.interact(() -> {
            window.main().viewProperty().set(AppView.TRADEOFFS);
            window.tradeoffs().axisProperty().set(CostAxis.LATENCY);
            window.tradeoffs().fillPredictedProperty().set(true);
        });
        waitFor(robot, () -> window.tradeoffs().seriesProperty().get().stream()
                .anyMatch(s -> s.kind() == LatencyKind.PREDICTED));
        List<LatencySeries> series = window.tradeoffs().seriesProperty().get();
        assertTrue(series.stream().allMatch(s -> s.kind() == LatencyKind.PREDICTED), series.toString());
        assertTrue(series.get(0).name().contains("predicted"), series.get(0).name());
        assertTrue(window.tradeoffs().points().stream().allMatch(p -> p.cost().endsWith("ms predicted")),
                window.tradeoffs().points().toString());
        snapshot(robot, robot.lookup("#tradeoff-chart").query(), "devices-predicted-chart.png");
    }

    /** A result measured on another machine (an ARM board) with its own environment record. */
    private static BenchmarkResult foreign(String id, MobileNetConfig c, double... samples) {
        BenchmarkResult r = TradeoffAnalysisTest.result(id, c, "onnxruntime", 1, samples);
        Map<String, String> env = new LinkedHashMap<>(r.environment());
        env.put(EnvironmentProbe.CPU_MODEL, "Cortex-A76");
        env.put(EnvironmentProbe.OS, "Linux 6.6.31+rpt-rpi-2712 aarch64");
        env.put(EnvironmentProbe.PHYSICAL_CORES, "4");
        env.put(EnvironmentProbe.LOGICAL_CORES, "4");
        env.put(EnvironmentProbe.SIMD, "asimd asimddp asimdhp");
        return r.toBuilder().environment(env).build();
    }

    @Test
    void fileImportAddsAnotherMachineTheTableFiltersByAndTheChartShowsBesideThePublishedPixel(FxRobot robot)
            throws Exception {
        // this machine: one result; the other machine: two results, one corrupt file
        // of TF-Slim's checkpoints (1001 classes), the trade-off chart's default configurations
        new ResultStore(results).save(TradeoffAnalysisTest.result("20261130T070000.000Z-onnxruntime-1.0-224-b1",
                SLIM_224, "onnxruntime", 1, 10, 11, 12));
        Path other = Files.createDirectories(root.resolve("pi5-" + System.nanoTime()));
        ResultStore store = new ResultStore(other);
        store.save(foreign("20261130T080000.000Z-onnxruntime-1.0-224-b1", SLIM_224, 40, 41, 42));
        store.save(foreign("20261130T080100.000Z-onnxruntime-0.5-160-b1", SLIM_224.withAlpha(0.5).withResolution(160),
                8, 9, 10));
        Files.writeString(other.resolve("broken.json"), "{\"id\": ");
        dialogs.folder = other;
        robot.interact(() -> {
            window.config().backendProperty().set("onnxruntime");
            window.benchmark().reload(); // the result was saved after the window read the folder
        });
        waitFor(robot, () -> window.benchmark().results().size() == 1);

        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        assertTrue(bar.getMenus().get(0).getItems().stream().anyMatch(i -> "menu-import-results".equals(i.getId())
                && i.getText().equals("_Import results folder…") && !i.isDisable()));
        robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL); // File > Import results folder
        waitFor(robot, () -> window.benchmark().results().size() == 3);
        assertEquals(AppView.BENCHMARK, window.main().viewProperty().get());
        String report = label(robot, "#import-report");
        assertTrue(report.startsWith("Imported from " + other + ": 2 imported, 0 duplicates skipped, 1 file skipped."),
                report);
        assertTrue(report.contains("\nskipped broken.json: "), report);
        assertTrue(label(robot, "#status-label").startsWith("Imported from " + other + ": 2 imported"),
                label(robot, "#status-label"));

        // the device filter: every device, then the imported machine alone
        @SuppressWarnings("unchecked")
        ComboBox<String> filter = robot.lookup("#results-device-filter").queryAs(ComboBox.class);
        assertEquals("All devices", filter.getValue());
        assertTrue(filter.getItems().contains(ARM), filter.getItems().toString());
        assertEquals(3, filter.getItems().size());
        TableView<?> table = robot.lookup("#results-table").queryAs(TableView.class);
        assertEquals(3, table.getItems().size());
        robot.interact(() -> filter.setValue(ARM));
        assertEquals(2, table.getItems().size());
        assertTrue(table.getItems().stream().allMatch(r -> ((ResultRow) r).device().equals(ARM)));
        // the Device cell's tooltip is the device record: CPU, cores, SIMD flags
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> cell = robot.lookup("#results-table .table-cell").match(n -> n instanceof TableCell<?, ?> c
                && ARM.equals(c.getText())).queryAs(TableCell.class);
        String tip = cell.getTooltip().getText();
        assertTrue(tip.startsWith("Cortex-A76, Linux 6.6.31+rpt-rpi-2712 aarch64\n4 physical, 4 logical cores"), tip);
        assertTrue(tip.contains("\nSIMD: asimd asimddp asimdhp"), tip);
        robot.interact(() -> filter.setValue("All devices"));
        assertEquals(3, table.getItems().size());

        // the trade-off chart: each machine its own series; one device alone; the published Pixel beside it
        robot.interact(() -> {
            window.main().viewProperty().set(AppView.TRADEOFFS);
            window.tradeoffs().axisProperty().set(CostAxis.LATENCY);
        });
        waitFor(robot, () -> window.tradeoffs().seriesProperty().get().size() == 2);
        MenuButton devices = robot.lookup("#tradeoff-devices").queryAs(MenuButton.class);
        assertTrue(devices.getItems().stream().anyMatch(i -> i.getText().equals("published, Pixel 1")),
                devices.getItems().toString());
        robot.interact(() -> devices.getItems().stream().filter(i -> i.getText().equals(ARM)).findFirst()
                .map(CheckMenuItem.class::cast).orElseThrow().setSelected(true));
        waitFor(robot, () -> window.tradeoffs().seriesProperty().get().size() == 1);
        assertEquals(ARM + " \u00b7 FP32 measured", window.tradeoffs().seriesProperty().get().get(0).name());
        robot.interact(() -> devices.getItems().stream().filter(i -> i.getText().equals("published, Pixel 1"))
                .findFirst().map(CheckMenuItem.class::cast).orElseThrow().setSelected(true));
        waitFor(robot, () -> window.tradeoffs().seriesProperty().get().size() == 2);
        List<LatencySeries> series = window.tradeoffs().seriesProperty().get();
        assertEquals(List.of(ARM + " \u00b7 FP32 measured", "published, Pixel 1"),
                series.stream().map(LatencySeries::name).toList());
        assertEquals(LatencyKind.PUBLISHED, series.get(1).kind());
        assertEquals("Devices: 2 chosen", devices.getText());
        // the ARM board's two checkpoints and the Pixel's published 1.0-224, each labelled by its series
        assertEquals(List.of("1.0-224 | 41.00 ms measured", "0.5-160 | 9.00 ms measured",
                "1.0-224 Pixel 1 | 113.00 ms published"), window.tradeoffs().points().stream()
                .map(p -> p.label() + " | " + p.cost()).toList());
        snapshot(robot, robot.lookup("#tradeoff-chart").query(), "devices-arm-and-pixel-chart.png");
    }

    /** The node as drawn, for a look (target/screenshots-devices/). */
    private static void snapshot(FxRobot robot, Node node, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots-devices"));
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> image[0] = SwingFXUtils.fromFXImage(node.snapshot(null, null), null));
        ImageIO.write(image[0], "png", dir.resolve(name).toFile());
    }
}
