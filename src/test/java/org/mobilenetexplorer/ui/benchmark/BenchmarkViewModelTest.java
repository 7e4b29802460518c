package org.mobilenetexplorer.ui.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.bench.Backends;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.BenchmarkOutcome;
import org.mobilenetexplorer.bench.BenchmarkProtocol;
import org.mobilenetexplorer.bench.BenchmarkRequest;
import org.mobilenetexplorer.bench.ProtocolSettings;
import org.mobilenetexplorer.bench.SweepReport;
import org.mobilenetexplorer.bench.CpuInfo;
import org.mobilenetexplorer.bench.FakeBackend;
import org.mobilenetexplorer.bench.InProcessRunner;
import org.mobilenetexplorer.bench.Precisions;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.ui.common.CurrentThreadTaskExecutor;
import org.mobilenetexplorer.ui.common.RecordingDialogs;

/**
 * The Benchmark view-model through the current-thread executor (no JavaFX toolkit, no waiting): a real engine,
 * in process, with the fake backend on a fake clock, and a temporary results folder.
 */
class BenchmarkViewModelTest {
    private static final MobileNetConfig SMALL = new MobileNetConfig(0.25, 96);
    private static final MobileNetConfig MEDIUM = new MobileNetConfig(0.5, 96);
    private static final MobileNetConfig LARGE = new MobileNetConfig(0.75, 96);

    @TempDir
    Path results;
    private final AtomicLong clock = new AtomicLong();
    private final BenchmarkEngine engine = new BenchmarkEngine(new InProcessRunner(
            new BenchmarkProtocol(clock::get, new CpuInfo("Test CPU", 2, List.of("avx2", "fma"), 2500)),
            id -> id.equals(FakeBackend.ID) ? new FakeBackend(clock) : Backends.byId(id), false));
    private BenchmarkViewModel vm;
    private int changes;

    private BenchmarkViewModel vm() {
        vm = new BenchmarkViewModel(new CurrentThreadTaskExecutor(), results, engine);
        vm.modeProperty().set(BenchmarkViewModel.Mode.TINY);
        vm.setOnResultsChanged(() -> changes++);
        return vm;
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void beforeAnyResultIsSelectedTheLayerChartSaysWhatToDo() {
        vm();
        assertEquals("Select a result to see its per-layer profile.", vm.layerCaptionProperty().get());
    }

    @Test
    void aSweepReportsProgressListsSavesAndSelectsEachResult() {
        vm();
        List<String> phases = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        vm.phaseProperty().addListener((o, a, p) -> phases.add(p));
        vm.progressProperty().addListener((o, a, p) -> progress.add(p.doubleValue()));
        List<Boolean> running = new ArrayList<>();
        vm.runningProperty().addListener((o, a, r) -> running.add(r));

        assertTrue(vm.run(List.of(SMALL, MEDIUM), FakeBackend.ID));

        assertEquals(List.of(true, false), running);
        assertEquals("Queued: 2 configurations", phases.get(0));
        assertTrue(phases.stream().anyMatch(p -> p.startsWith("0.5-96 on fake (2/2): measuring")), phases.toString());
        assertTrue(vm.phaseProperty().get().startsWith("Done: 2 measured, 0 failed, in "), vm.phaseProperty().get());
        assertEquals(-1.0, progress.get(0), "unknown while queued");
        assertEquals(1.0, vm.progressProperty().get());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
        }
        assertEquals("", vm.etaProperty().get(), "no ETA once the run is over");
        assertEquals("", vm.failureProperty().get());
        // newest first, the newest selected with its per-layer profile; both saved
        assertEquals(List.of(MEDIUM, SMALL), vm.results().stream().map(r -> r.result().config()).toList());
        assertEquals(vm.results().get(0), vm.selectedProperty().get());
        assertFalse(vm.layers().isEmpty());
        assertTrue(vm.layerCaptionProperty().get().startsWith("0.5-96 fake: share of measured time"), vm.layerCaptionProperty().get());
        assertEquals(2, ResultStore.loadAll(results).results().size());
        assertEquals(2, changes);
        assertEquals(Optional.of(vm.results().get(1).result().medianMsPerImage()),
                vm.latestMedianMs(SMALL, FakeBackend.ID));
        assertEquals(Optional.empty(), vm.latestMedianMs(LARGE, FakeBackend.ID));
    }

    @Test
    void cancelStopsTheSweepAfterTheRunningConfigurationAndKeepsWhatFinished() {
        vm().setOnResultsChanged(() -> vm.cancel()); // cancel as soon as the first result is in
        vm.profileLayersProperty().set(false);
        assertTrue(vm.run(List.of(SMALL, MEDIUM, LARGE), FakeBackend.ID));
        assertEquals(1, vm.results().size());
        assertEquals("Cancelled after 1 of 3; 1 result kept", vm.phaseProperty().get());
        assertEquals("", vm.etaProperty().get(), "no ETA once the run is over");
        assertFalse(vm.runningProperty().get());
        assertEquals(1, ResultStore.loadAll(results).results().size());
        // ready for the next run
        vm.setOnResultsChanged(() -> { });
        assertTrue(vm.run(List.of(LARGE), FakeBackend.ID));
        assertEquals(2, vm.results().size());
    }

    @Test
    void aFailingConfigurationIsNamedAndTheOthersStillRun() {
        vm().run(List.of(SMALL), "no-such-backend");
        assertTrue(vm.failureProperty().get().startsWith("0.25-96 on no-such-backend failed: "), vm.failureProperty().get());
        assertTrue(vm.failureProperty().get().contains("no-such-backend"), vm.failureProperty().get());
        assertTrue(vm.phaseProperty().get().startsWith("Done: 0 measured, 1 failed"), vm.phaseProperty().get());
        assertTrue(vm.results().isEmpty());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void aCancelAfterAFailureCountsBothAndKeepsTheResults() {
        SweepReport report = new SweepReport(List.of(
                new BenchmarkOutcome.Failed(new BenchmarkRequest(SMALL, "x", ProtocolSettings.DEFAULT), "boom")),
                10, true, Duration.ofSeconds(3));
        assertEquals("Cancelled after 1 of 10 (1 failed); 0 results kept", BenchmarkTask.outcome(report));
    }

    @Test
    void aRunThatStopsWithAnErrorSaysSoAndClearsTheEta() {
        // a runner that breaks its contract (it must never throw): the sweep itself ends with an exception
        BenchmarkEngine broken = new BenchmarkEngine((request, listener, cancel) -> {
            throw new IllegalStateException("worker pool closed");
        });
        vm = new BenchmarkViewModel(new CurrentThreadTaskExecutor(), results, broken);
        assertTrue(vm.run(List.of(SMALL, MEDIUM), FakeBackend.ID));
        assertEquals("Failed after 0 of 2; 0 results kept", vm.phaseProperty().get());
        assertEquals("", vm.etaProperty().get());
        assertTrue(vm.failureProperty().get().contains("worker pool closed"), vm.failureProperty().get());
        assertFalse(vm.runningProperty().get());
        broken.close();
    }

    @Test
    void int8RunsAreLabelledAndKeptOutOfTheFp32MedianWhileDl4jRefusesThem() {
        vm().precisionProperty().set(Precision.INT8);
        assertTrue(vm.run(List.of(SMALL), FakeBackend.ID));
        ResultRow row = vm.results().get(0);
        assertEquals(Precision.INT8, Precisions.of(row.result()));
        assertEquals("0.25-96 int8", row.config());
        assertTrue(vm.layerCaptionProperty().get().startsWith("0.25-96 int8 fake: "), vm.layerCaptionProperty().get());
        // Compare's measured row is FP32: an INT8 result does not stand in for it
        assertEquals(Optional.empty(), vm.latestMedianMs(SMALL, FakeBackend.ID));

        assertFalse(vm.run(List.of(SMALL), "dl4j"));
        assertEquals("dl4j with int8: DL4J has no INT8 CPU inference (INT8 runs on onnxruntime).",
                vm.failureProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals(1, vm.results().size());
    }

    @Test
    void runsWithoutBackendOrConfigurationAreRefusedWithTheReason() {
        vm();
        assertFalse(vm.run(List.of(SMALL), null));
        assertEquals("No inference backend is available, so nothing can be measured.", vm.failureProperty().get());
        assertFalse(vm.run(List.of(), FakeBackend.ID));
        assertEquals("No configuration to run: load a preset first.", vm.failureProperty().get());
        assertEquals(BenchmarkViewModel.IDLE, vm.phaseProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void storedResultsReloadAndAnotherFolderOpensWhileAMissingOneIsRefused() throws Exception {
        vm().run(List.of(SMALL), FakeBackend.ID);
        BenchmarkViewModel fresh = new BenchmarkViewModel(new CurrentThreadTaskExecutor(), results, engine);
        fresh.reload();
        assertEquals(1, fresh.results().size());
        assertEquals(fresh.results().get(0), fresh.selectedProperty().get());
        assertEquals("1 result in " + results, fresh.storeStatusProperty().get());

        Path other = Files.createDirectory(results.resolve("sweep-out"));
        Files.writeString(other.resolve("broken.json"), "{ not json");
        RecordingDialogs dialogs = new RecordingDialogs();
        dialogs.folder = other;
        fresh.chooseResultsFolder(dialogs);
        assertEquals(other, fresh.resultsDirProperty().get());
        String status = fresh.storeStatusProperty().get();
        assertTrue(status.startsWith("0 results in " + other) && status.contains("skipped 1")
                && status.contains("broken.json"), status);
        Path missing = other.resolve("missing");
        assertFalse(fresh.openResultsFolder(missing));
        assertTrue(fresh.storeStatusProperty().get().contains(missing + ": not a folder"));
        assertEquals(other, fresh.resultsDirProperty().get());
    }

    /** A result measured on another machine (an ARM board) with its own environment record. */
    static org.mobilenetexplorer.bench.BenchmarkResult foreign(String id, MobileNetConfig c, double... samples) {
        org.mobilenetexplorer.bench.BenchmarkResult r = org.mobilenetexplorer.tradeoff.TradeoffAnalysisTest.result(
                id, c, "onnxruntime", 1, samples);
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>(r.environment());
        env.put(org.mobilenetexplorer.bench.EnvironmentProbe.CPU_MODEL, "Cortex-A76");
        env.put(org.mobilenetexplorer.bench.EnvironmentProbe.CPU_VENDOR, "ARM");
        env.put(org.mobilenetexplorer.bench.EnvironmentProbe.OS, "Linux 6.6.31+rpt-rpi-2712 aarch64");
        env.put(org.mobilenetexplorer.bench.EnvironmentProbe.PHYSICAL_CORES, "4");
        env.put(org.mobilenetexplorer.bench.EnvironmentProbe.LOGICAL_CORES, "4");
        env.put(org.mobilenetexplorer.bench.EnvironmentProbe.CPU_MHZ, "2400");
        env.put(org.mobilenetexplorer.bench.EnvironmentProbe.MEMORY_MB, "8192");
        env.put(org.mobilenetexplorer.bench.EnvironmentProbe.SIMD, "asimd asimddp asimdhp");
        env.put(org.mobilenetexplorer.bench.EnvironmentProbe.CPU_INFO_SOURCE, "/proc/cpuinfo + OSHI");
        return r.toBuilder().environment(env).build();
    }

    /** Another machine's results folder: two results of the ARM board, one corrupt file, one foreign JSON. */
    private static Path otherMachine(Path root) throws Exception {
        Path other = Files.createDirectories(root.resolve("pi5"));
        ResultStore store = new ResultStore(other);
        store.save(foreign("20261130T080000.000Z-onnxruntime-1.0-224-b1", new MobileNetConfig(1.0, 224), 40, 41, 42));
        store.save(foreign("20261130T080100.000Z-onnxruntime-0.5-160-b1", new MobileNetConfig(0.5, 160), 8, 9, 10));
        Files.writeString(other.resolve("broken.json"), "{\"id\": \"x\", ");
        Files.writeString(other.resolve("package.json"), "{\"name\": \"not a result\"}");
        return other;
    }

    @Test
    void importingAnotherMachineAddsItsDeviceNamesDuplicatesAndCorruptFilesAndTheFilterShowsOneDevice(
            @TempDir Path elsewhere) throws Exception {
        vm();
        assertTrue(vm.run(List.of(SMALL), FakeBackend.ID));
        assertEquals(List.of("Test CPU, " + org.mobilenetexplorer.bench.Device.of(vm.results().get(0).result())
                .os()), vm.devices());
        Path other = otherMachine(elsewhere);
        RecordingDialogs dialogs = new RecordingDialogs();
        dialogs.folder = other;
        int before = changes;
        vm.importFolderWithChooser(dialogs);
        assertFalse(vm.importingProperty().get());
        String report = vm.importReportProperty().get();
        assertTrue(report.startsWith("Imported from " + other + ": 2 imported, 0 duplicates skipped, 2 files skipped."),
                report);
        assertTrue(report.contains("\nskipped broken.json: "), report);
        assertTrue(report.contains("\nskipped package.json: "), report);
        // reloaded: three results from two devices, each with its own environment
        assertTrue(changes > before);
        assertEquals(3, vm.results().size());
        assertTrue(vm.storeStatusProperty().get().startsWith("3 results from 2 devices in "),
                vm.storeStatusProperty().get());
        assertEquals(2, vm.devices().size());
        assertTrue(vm.devices().contains("Cortex-A76, Linux aarch64"), vm.devices().toString());
        ResultRow arm = vm.results().stream().filter(r -> r.device().equals("Cortex-A76, Linux aarch64"))
                .findFirst().orElseThrow();
        assertEquals("Cortex-A76 (ARM), Linux 6.6.31+rpt-rpi-2712 aarch64\n4 physical, 4 logical cores, 2400 MHz,"
                + " 8.0 GiB memory\nSIMD: asimd asimddp asimdhp\nfrom /proc/cpuinfo + OSHI", arm.deviceRecord());

        // one device at a time, then every device again
        vm.deviceFilterProperty().set("Cortex-A76, Linux aarch64");
        assertEquals(2, vm.shownResults().size());
        assertTrue(vm.shownResults().stream().allMatch(r -> r.device().equals("Cortex-A76, Linux aarch64")));
        assertEquals("Cortex-A76, Linux aarch64", vm.selectedProperty().get().device());
        vm.deviceFilterProperty().set(null);
        assertEquals(3, vm.shownResults().size());

        // the same folder again: every result a duplicate, nothing overwritten, the corrupt file named again
        vm.importResults(other);
        report = vm.importReportProperty().get();
        assertTrue(report.startsWith("Imported from " + other + ": 0 imported, 2 duplicates skipped, 2 files skipped."),
                report);
        assertTrue(report.contains("\nduplicate 20261130T080000.000Z-onnxruntime-1.0-224-b1.json: "), report);
        assertEquals(3, vm.results().size());
    }

    @Test
    void aFreshResultIsNeverHiddenByAnotherDevicesFilterAndAMissingSourceImportsNothing(@TempDir Path elsewhere)
            throws Exception {
        vm();
        vm.importResults(otherMachine(elsewhere));
        vm.deviceFilterProperty().set("Cortex-A76, Linux aarch64");
        assertTrue(vm.run(List.of(SMALL), FakeBackend.ID));
        assertEquals(null, vm.deviceFilterProperty().get());
        assertEquals(3, vm.shownResults().size());

        Path missing = elsewhere.resolve("no-such.zip");
        vm.importResults(missing);
        assertTrue(vm.importReportProperty().get().startsWith("Nothing imported: " + missing + ": "),
                vm.importReportProperty().get());
        // another results folder without the filtered device: the filter goes back to every device
        vm.deviceFilterProperty().set("Cortex-A76, Linux aarch64");
        Path empty = Files.createDirectories(elsewhere.resolve("empty"));
        assertTrue(vm.openResultsFolder(empty));
        assertEquals(null, vm.deviceFilterProperty().get());
        assertTrue(vm.devices().isEmpty());
    }
}
