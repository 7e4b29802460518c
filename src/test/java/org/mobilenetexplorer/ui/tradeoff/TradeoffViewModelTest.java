package org.mobilenetexplorer.ui.tradeoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.accuracy.AccuracyCatalog;
import org.mobilenetexplorer.chart.ExportFormat;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.Presets;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.ui.common.CurrentThreadTaskExecutor;
import org.mobilenetexplorer.ui.common.MemorySettings;
import org.mobilenetexplorer.ui.common.RecordingDialogs;

/** The Trade-offs view-model through the current-thread executor: recomputation, loading a point, exports. */
class TradeoffViewModelTest {
    @TempDir
    Path dir;
    private final SimpleStringProperty backend = new SimpleStringProperty("onnxruntime");
    private final List<MobileNetConfig> loaded = new ArrayList<>();
    private final List<String> status = new ArrayList<>();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final MemorySettings settings = new MemorySettings();

    private TradeoffViewModel vm() {
        return new TradeoffViewModel(new CurrentThreadTaskExecutor(), new SimpleObjectProperty<>(dir), backend,
                AccuracyCatalog.bundled(), Presets.bundled(TradeoffViewModel.DEFAULT_CANDIDATES), loaded::add,
                dialogs.context(settings, dir, status));
    }

    @Test
    void theSixteenCheckpointsAreAnalysedWithAParetoFrontAndAChart() {
        TradeoffViewModel vm = vm();
        assertNull(vm.analysisProperty().get());
        vm.recompute();
        assertEquals(16, vm.points().size());
        assertEquals(CostAxis.MACS, vm.analysisProperty().get().axis());
        assertNotNull(vm.chartProperty().get());
        assertTrue(vm.points().stream().anyMatch(p -> p.pareto().equals("yes")));
        assertTrue(vm.captionProperty().get().startsWith("Top-1 accuracy vs mult-adds for \""), vm.captionProperty().get());
        assertTrue(vm.captionProperty().get().contains("(16 configurations, "), vm.captionProperty().get());
        assertTrue(vm.points().stream().allMatch(p -> p.cost().endsWith(" " + CostAxis.MACS.unit())));
    }

    @Test
    void everySelectorRecomputesAndLatencyWithoutResultsSaysNotMeasured() {
        TradeoffViewModel vm = vm();
        vm.axisProperty().set(CostAxis.PARAMS);
        assertEquals(CostAxis.PARAMS, vm.analysisProperty().get().axis());
        vm.axisProperty().set(CostAxis.LATENCY);
        assertEquals(CostAxis.LATENCY, vm.analysisProperty().get().axis(), vm.captionProperty().get());
        assertTrue(vm.points().stream().allMatch(p -> p.cost().equals("not measured")), vm.points().toString());
        List<String> footnotes = org.mobilenetexplorer.chart.ChartExport.provenance(vm.chartProperty().get());
        assertTrue(footnotes.stream().anyMatch(l -> l.startsWith("Latency: nothing measured yet (result files in ")),
                "not 'Latency: , median per image': " + footnotes);
        Preset two = Preset.of("two", "", "test", List.of(new PresetEntry(new MobileNetConfig(1.0, 224)),
                new PresetEntry(new MobileNetConfig(0.5, 160))));
        vm.axisProperty().set(CostAxis.MACS);
        vm.candidatesProperty().set(two);
        assertEquals(2, vm.points().size());
        assertTrue(vm.captionProperty().get().contains("\"two\" (2 configurations"), vm.captionProperty().get());
        backend.set("dl4j");
        assertEquals(2, vm.points().size());
    }

    @Test
    void aClickedPointBecomesTheCurrentConfigurationAndDescribesItsProvenance() {
        TradeoffViewModel vm = vm();
        vm.recompute();
        PointRow row = vm.points().get(5);
        vm.load(row.point());
        assertEquals(List.of(row.point().config()), loaded);
        String text = vm.describe(row.point());
        assertTrue(text.contains("M MACs") && text.contains("(computed)") && text.contains("latency not measured"),
                text);
    }

    @Test
    void exportsWriteTheChartAndTheDataAndRememberTheFolder() throws Exception {
        TradeoffViewModel vm = vm();
        dialogs.save = dir.resolve("nothing.csv");
        vm.exportWithChooser(ExportFormat.CSV);
        assertEquals(List.of("Nothing to export yet."), status);
        assertTrue(!Files.exists(dialogs.save));
        vm.recompute();
        Path csv = dir.resolve("out").resolve("points.csv");
        Files.createDirectories(csv.getParent());
        dialogs.save = csv;
        vm.exportWithChooser(ExportFormat.CSV);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("series,role,label,alpha,resolution,x,y"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains(",0.75,192,")), "the 16 TF-Slim points are exported");
        assertEquals("Exported " + csv, status.get(status.size() - 1));
        assertEquals(csv.getParent().toAbsolutePath().toString(), settings.get("folder.exports").orElseThrow());
        Path notAFolder = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        vm.export(notAFolder.resolve("x.png"));
        assertTrue(dialogs.errors.get(0).startsWith("Export failed: "), dialogs.errors.toString());
    }

    @Test
    void devicesPrecisionsAndPublishedReferencesAreSeparateSeries() throws Exception {
        org.mobilenetexplorer.bench.ResultStore store = new org.mobilenetexplorer.bench.ResultStore(dir);
        for (org.mobilenetexplorer.bench.BenchmarkResult r : org.mobilenetexplorer.tradeoff.SeriesComposerTest
                .twoDevices()) {
            store.save(r);
        }
        TradeoffViewModel vm = vm();
        vm.axisProperty().set(CostAxis.LATENCY);
        // two machines in the folder: every measured device, one series each, never one series of mixed machines
        assertEquals(List.of("AMD EPYC 9R45, Linux amd64 \u00b7 FP32 measured",
                "Cortex-A76, Linux aarch64 \u00b7 FP32 measured"), vm.seriesProperty().get().stream()
                .map(org.mobilenetexplorer.tradeoff.LatencySeries::name).toList());
        vm.chosenDevices().setAll("Cortex-A76, Linux aarch64"); // one device alone
        assertEquals(List.of("Cortex-A76, Linux aarch64 \u00b7 FP32 measured"), vm.seriesProperty().get().stream()
                .map(org.mobilenetexplorer.tradeoff.LatencySeries::name).toList());
        assertTrue(vm.points().stream().allMatch(p -> p.provenance().startsWith("Cortex-A76, Linux aarch64")),
                vm.points().toString());
        assertEquals(List.of("AMD EPYC 9R45, Linux amd64", "Cortex-A76, Linux aarch64"), vm.devices().subList(0, 2));
        assertTrue(vm.devices().contains("published, Pixel 1"), vm.devices().toString());
        vm.precisionsProperty().set(TradeoffViewModel.PrecisionChoice.BOTH);
        vm.chosenDevices().setAll("AMD EPYC 9R45, Linux amd64", "published, Pixel 1");
        List<String> names = vm.seriesProperty().get().stream().map(org.mobilenetexplorer.tradeoff.LatencySeries::name)
                .toList();
        assertEquals(List.of("AMD EPYC 9R45, Linux amd64 \u00b7 FP32 measured",
                "AMD EPYC 9R45, Linux amd64 \u00b7 INT8 measured", "published, Pixel 1"), names);
        assertEquals(names.size(), ((org.mobilenetexplorer.chart.TradeoffDataset) ((org.jfree.chart.plot.XYPlot)
                vm.chartProperty().get().getPlot()).getDataset(0)).getSeriesCount());
        assertTrue(vm.points().stream().anyMatch(p -> p.label().equals("1.0-224 int8")), vm.points().toString());
        assertTrue(vm.points().stream().anyMatch(p -> p.cost().endsWith("ms published")), vm.points().toString());
        assertEquals(vm.points().size(), vm.points().stream().map(PointRow::label).distinct().count());
        // predictions asked for without a device profile: a note, no predicted series
        vm.fillPredictedProperty().set(true);
        assertTrue(vm.notesProperty().get().contains("run calibrate first"), vm.notesProperty().get());
        assertTrue(vm.seriesProperty().get().stream().noneMatch(x -> x.kind()
                == org.mobilenetexplorer.tradeoff.LatencyKind.PREDICTED));
    }
}
