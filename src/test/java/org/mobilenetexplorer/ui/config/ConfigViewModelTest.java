package org.mobilenetexplorer.ui.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.ui.common.CurrentThreadTaskExecutor;
import org.mobilenetexplorer.ui.common.MemorySettings;

/** The configuration panel's view-model and what is remembered of it: plain JUnit. */
class ConfigViewModelTest {
    private final ConfigViewModel vm = new ConfigViewModel();
    private final List<String> status = new ArrayList<>();

    @Test
    void rejectsOutOfRangeInputInlineAndKeepsTheLastValidConfig() {
        assertEquals(Optional.empty(), vm.parseAlpha("5"));
        assertTrue(vm.errorProperty().get().contains("alpha"), vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("5"), vm.errorProperty().get());
        assertEquals(Optional.empty(), vm.parseInt("resolution", "abc"));
        assertEquals("resolution = abc: not an integer", vm.errorProperty().get());
        assertEquals(Optional.of(160), vm.parseInt("resolution", "160"));
        assertEquals("", vm.errorProperty().get());
        assertEquals(MobileNetConfig.DEFAULT, vm.config());
    }

    @Test
    void int8IsNeverLeftChosenForDl4j() {
        vm.backendProperty().set("onnxruntime");
        vm.precisionProperty().set(Precision.INT8);
        assertEquals(Precision.INT8, vm.precisionProperty().get());
        vm.backendProperty().set("dl4j");
        assertEquals(Precision.FP32, vm.precisionProperty().get());
        vm.precisionProperty().set(Precision.INT8);
        assertEquals(Precision.FP32, vm.precisionProperty().get());
        assertEquals(MobileNetConfig.DEFAULT, vm.config()); // precision is no part of the configuration
    }

    @Test
    void slidersSnapToTheirSteps() {
        assertEquals(0.6, vm.alphaForSlider(0.6134), 1e-12);
        assertEquals(0.25, vm.alphaForSlider(0.26), 1e-12);
        assertEquals(200, vm.resolutionForSlider(198.1));
    }

    @Test
    void everyKnobRebuildsTheConfigurationAndResetGoesBackToTheBaseline() {
        vm.alphaProperty().set(0.5);
        vm.resolutionProperty().set(160);
        assertEquals(new MobileNetConfig(0.5, 160), vm.config());
        assertEquals("rho = 160 / 224 = 0.714", vm.rhoTextProperty().get());
        assertEquals("0.5-160", vm.labelProperty().get());
        vm.resolutionProperty().set(5000); // out of range: refused, named, the last valid one stays
        assertTrue(vm.errorProperty().get().contains("5000"), vm.errorProperty().get());
        assertEquals(new MobileNetConfig(0.5, 160), vm.config());
        vm.reset();
        assertEquals(MobileNetConfig.DEFAULT, vm.config());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void backendsAreListedInTheBackgroundAndTheRememberedOneIsChosen() {
        vm.loadBackends(new CurrentThreadTaskExecutor(), () -> List.of("dl4j", "onnxruntime"), "onnxruntime",
                status::add);
        assertEquals(List.of("dl4j", "onnxruntime"), vm.backends());
        assertEquals("onnxruntime", vm.backendProperty().get());
        vm.loadBackends(new CurrentThreadTaskExecutor(), () -> List.of("dl4j"), "onnxruntime", status::add);
        assertEquals("dl4j", vm.backendProperty().get(), "a remembered backend missing from the build: the first");
        assertEquals(List.of(), status);
    }

    @Test
    void noBackendOrAFailingListingIsSaidInTheStatusLine() {
        vm.loadBackends(new CurrentThreadTaskExecutor(), List::of, "onnxruntime", status::add);
        assertNull(vm.backendProperty().get());
        assertTrue(status.get(0).startsWith("No inference backend on the class path"), status.toString());
        vm.loadBackends(new CurrentThreadTaskExecutor(), () -> {
            throw new IOException("class path unreadable");
        }, "onnxruntime", status::add);
        assertEquals("Backends could not be listed: class path unreadable", status.get(1));
    }

    @Test
    void theConfigurationAndBackendSurviveARestartAndABadStoredValueFallsBack() {
        MemorySettings settings = new MemorySettings();
        ConfigSettings stored = new ConfigSettings(settings);
        assertEquals(MobileNetConfig.DEFAULT, stored.restore());
        assertEquals(ConfigSettings.DEFAULT_BACKEND, stored.backend());
        MobileNetConfig c = new MobileNetConfig(0.75, 192, 1001, ChannelRounding.KERAS, 3, true, Activation.RELU);
        stored.save(c, "dl4j");
        assertEquals(c, new ConfigSettings(settings).restore());
        assertEquals("dl4j", new ConfigSettings(settings).backend());
        settings.put("config.alpha", "-1");
        assertEquals(MobileNetConfig.DEFAULT, stored.restore());
    }
}
