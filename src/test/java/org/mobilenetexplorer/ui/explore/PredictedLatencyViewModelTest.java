package org.mobilenetexplorer.ui.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.BenchmarkOutcome;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.predict.CalibrationGrid;
import org.mobilenetexplorer.predict.DeviceProfiles;
import org.mobilenetexplorer.predict.LatencyFitter;
import org.mobilenetexplorer.predict.LatencyModel;
import org.mobilenetexplorer.predict.Precision;
import org.mobilenetexplorer.predict.Prediction;
import org.mobilenetexplorer.predict.SyntheticProfiles;
import org.mobilenetexplorer.ui.common.CurrentThreadTaskExecutor;

class PredictedLatencyViewModelTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    private final SimpleObjectProperty<MobileNetConfig> config = new SimpleObjectProperty<>(
            new MobileNetConfig(0.6, 176));
    private final SimpleStringProperty backend = new SimpleStringProperty("onnxruntime");

    private PredictedLatencyViewModel vm(BenchmarkEngine engine) {
        return new PredictedLatencyViewModel(config, new SimpleObjectProperty<>(dir), backend,
                new CurrentThreadTaskExecutor(), engine, UTC);
    }

    private static BenchmarkEngine engine() {
        return new BenchmarkEngine((request, listener, cancel) -> new BenchmarkOutcome.Cancelled(request));
    }

    @Test
    void labelStatesTheBandTheMachineAndTheProfileDate() throws Exception {
        LatencyModel m = LatencyFitter.fit(SyntheticProfiles.profile(CalibrationGrid.v1(List.of(0.25, 0.5, 1.0),
                List.of(96, 160, 224)), 0, 1));
        MobileNetConfig c = new MobileNetConfig(0.6, 176);
        assertEquals("3.1 ms +- 0.2 predicted on this machine (onnxruntime, batch 1), profile of 2026-11-30",
                PredictedLatencyViewModel.label(prediction(c, 3.1, 6.45, true), m, UTC));
        assertEquals("0.43 ms +- 0.04 predicted on this machine (onnxruntime, batch 1), profile of 2026-11-30",
                PredictedLatencyViewModel.label(prediction(c, 0.43, 9.3, true), m, UTC));
        assertEquals("27 ms +- 3 predicted on this machine (onnxruntime, batch 1), extrapolated beyond the "
                + "calibrated range, profile of 2026-11-30",
                PredictedLatencyViewModel.label(prediction(c, 27.4, 11, false), m, UTC));
        // the date is the profile's instant in the user's zone
        assertTrue(PredictedLatencyViewModel.label(prediction(c, 3.1, 6.45, true), m, ZoneId.of("Pacific/Kiritimati"))
                .endsWith("profile of 2026-11-30"));
    }

    private static Prediction prediction(MobileNetConfig c, double ms, double band, boolean inside) {
        return new Prediction(c, ms, ms * (1 - band / 100), ms * (1 + band / 100), band, ms - 0.1, 0.1, inside,
                List.of());
    }

    @Test
    void followsTheSlidersOnceTheProfileIsLoaded() throws Exception {
        DeviceProfiles.write(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.03, 5),
                DeviceProfiles.file(dir, "onnxruntime", Precision.FP32));
        PredictedLatencyViewModel vm = vm(engine());
        String first = vm.textProperty().get();
        assertTrue(first.matches("\\d+(\\.\\d+)? ms \\+- \\d+(\\.\\d+)? predicted on this machine \\(onnxruntime, batch 1\\), "
                + "profile of 2026-11-30"), first);
        assertFalse(vm.canCalibrateProperty().get());
        config.set(MobileNetConfig.of(Family.V3_SMALL, 0.9, 200));
        assertTrue(vm.textProperty().get().endsWith("predicted on this machine (onnxruntime, batch 1), profile of "
                + "2026-11-30"), vm.textProperty().get());
        assertFalse(first.equals(vm.textProperty().get()));
        config.set(new MobileNetConfig(0.5, 160).withStandardConv(true));
        assertTrue(vm.textProperty().get().startsWith("No predicted latency: 0.5-160 conv: the device profile has no "
                + "measurements of CONV 3x3/1 align 16"), vm.textProperty().get());
    }

    @Test
    void withoutAProfileItOffersToCalibrate() {
        PredictedLatencyViewModel vm = vm(engine());
        assertEquals("No predicted latency: no onnxruntime FP32 device profile on this machine yet.",
                vm.textProperty().get());
        assertTrue(vm.canCalibrateProperty().get());
        backend.set("dl4j");
        assertEquals("No predicted latency: no dl4j FP32 device profile on this machine yet.", vm.textProperty().get());
    }

    @Test
    void aProfileWithoutTheFamilyOffersToCalibrateAgain() throws Exception {
        DeviceProfiles.write(SyntheticProfiles.profile(CalibrationGrid.v1(List.of(0.25, 0.5, 1.0),
                List.of(96, 160, 224)), 0, 1), DeviceProfiles.file(dir, "onnxruntime", Precision.FP32));
        PredictedLatencyViewModel vm = vm(engine());
        assertFalse(vm.canCalibrateProperty().get());
        config.set(MobileNetConfig.of(Family.V2, 1.0, 224));
        assertEquals("No predicted latency: the onnxruntime profile of 2026-11-30 has no v2 networks (calibrate "
                + "again to add them).", vm.textProperty().get());
        assertTrue(vm.canCalibrateProperty().get());
    }

    @Test
    void aCorruptProfileIsNamedAndCanBeReplaced() throws Exception {
        Path file = DeviceProfiles.file(dir, "onnxruntime", Precision.FP32);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\": 1");
        PredictedLatencyViewModel vm = vm(engine());
        assertTrue(vm.textProperty().get().startsWith("No predicted latency: " + file + ": not valid JSON"),
                vm.textProperty().get());
        assertTrue(vm.canCalibrateProperty().get());
    }

    @Test
    void aCancelledCalibrationWritesNothingAndSaysSo() {
        PredictedLatencyViewModel vm = vm(engine());
        vm.calibrate();
        assertFalse(vm.calibratingProperty().get());
        assertEquals("Calibration cancelled after 0 of " + CalibrationGrid.DEFAULT.configs().size()
                + " networks; nothing written.", vm.progressTextProperty().get());
        assertFalse(Files.exists(DeviceProfiles.file(dir, "onnxruntime", Precision.FP32)));
        assertTrue(vm.canCalibrateProperty().get());
    }

    @Test
    void aProfileWrittenBehindTheAppsBackIsPickedUpWithoutRestart() throws Exception {
        PredictedLatencyViewModel vm = vm(engine());
        assertEquals("No predicted latency: no onnxruntime FP32 device profile on this machine yet.",
                vm.textProperty().get());
        vm.refreshIfChanged(); // nothing changed: the same text
        assertEquals("No predicted latency: no onnxruntime FP32 device profile on this machine yet.",
                vm.textProperty().get());
        // calibrate in a terminal writes the profile: the next check reads it
        Path file = DeviceProfiles.file(dir, "onnxruntime", Precision.FP32);
        DeviceProfiles.write(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.03, 5), file);
        vm.refreshIfChanged();
        assertTrue(vm.textProperty().get().endsWith("predicted on this machine (onnxruntime, batch 1), profile of "
                + "2026-11-30"), vm.textProperty().get());
        assertFalse(vm.canCalibrateProperty().get());
        // replaced by another calibration (a V1-only grid): the change of size and time is noticed
        DeviceProfiles.write(SyntheticProfiles.profile(CalibrationGrid.v1(List.of(0.25, 0.5, 1.0),
                List.of(96, 160, 224)), 0, 1), file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 2_000));
        config.set(MobileNetConfig.of(Family.V2, 1.0, 224));
        assertTrue(vm.textProperty().get().endsWith("profile of 2026-11-30"), vm.textProperty().get());
        vm.refreshIfChanged();
        assertEquals("No predicted latency: the onnxruntime profile of 2026-11-30 has no v2 networks (calibrate "
                + "again to add them).", vm.textProperty().get());
        // deleted: back to the offer to calibrate
        Files.delete(file);
        vm.refreshIfChanged();
        assertEquals("No predicted latency: no onnxruntime FP32 device profile on this machine yet.",
                vm.textProperty().get());
        assertTrue(vm.canCalibrateProperty().get());
    }

    @Test
    void int8IsRefusedWithTheReasonNeverAnsweredWithAnFp32Figure() throws Exception {
        DeviceProfiles.write(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.03, 5),
                DeviceProfiles.file(dir, "onnxruntime", Precision.FP32));
        SimpleObjectProperty<org.mobilenetexplorer.model.Precision> precision = new SimpleObjectProperty<>(
                org.mobilenetexplorer.model.Precision.FP32);
        PredictedLatencyViewModel vm = new PredictedLatencyViewModel(config, new SimpleObjectProperty<>(dir), backend,
                precision, new CurrentThreadTaskExecutor(), engine(), UTC);
        assertTrue(vm.textProperty().get().contains("predicted on this machine"), vm.textProperty().get());
        precision.set(org.mobilenetexplorer.model.Precision.INT8);
        assertEquals("No predicted latency for INT8: the predictor has no INT8 kernels yet (device profiles are "
                + "calibrated in FP32); choose FP32 for a prediction.", vm.textProperty().get());
        assertFalse(vm.canCalibrateProperty().get());
        vm.calibrate(); // nothing to calibrate in INT8
        assertFalse(vm.calibratingProperty().get());
        assertEquals("", vm.progressTextProperty().get());
        config.set(new MobileNetConfig(0.5, 128)); // the sliders do not bring an FP32 figure back
        assertTrue(vm.textProperty().get().startsWith("No predicted latency for INT8"), vm.textProperty().get());
        precision.set(org.mobilenetexplorer.model.Precision.FP32);
        assertTrue(vm.textProperty().get().contains("predicted on this machine"), vm.textProperty().get());
    }

    @Test
    void minimalisticV3IsPredictedFromTheKernelsItShares() throws Exception {
        // minimalistic V3 is plain ReLU, 3x3 depthwise and no SE: kernels the default grid measures (its V1, V2 and
        // V3 parts), so it gets a prediction although the grid has no minimalistic network
        DeviceProfiles.write(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.03, 5),
                DeviceProfiles.file(dir, "onnxruntime", Precision.FP32));
        PredictedLatencyViewModel vm = vm(engine());
        config.set(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224).withMinimalistic(true));
        assertTrue(vm.textProperty().get().endsWith("predicted on this machine (onnxruntime, batch 1), profile of "
                + "2026-11-30"), vm.textProperty().get());
    }

    @Test
    void theLinksCommandCalibratesTheSameBackendIntoTheSameFolder() {
        PredictedLatencyViewModel vm = vm(engine());
        assertEquals("mobilenet-explorer calibrate --backend onnxruntime --results " + dir, vm.calibrateCommand());
        backend.set("dl4j");
        assertTrue(vm.calibrateCommand().startsWith("mobilenet-explorer calibrate --backend dl4j --results "));
    }
}
