package org.mobilenetexplorer.ui.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
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

    @Test
    void aV2OrV3PresetShowsAsItselfWithItsFamilyInTheLabel() {
        MobileNetConfig v3 = MobileNetConfig.of(Family.V3_LARGE, 1.0, 224).withClasses(1001);
        vm.load(v3);
        assertEquals(v3, vm.config(), "not rebuilt as V1");
        assertEquals(Family.V3_LARGE, vm.familyProperty().get());
        assertEquals("v3-large 1.0-224 1001cls", vm.labelProperty().get());
        MobileNetConfig small = MobileNetConfig.of(Family.V3_SMALL, 0.75, 224).withMinimalistic(true);
        vm.load(small);
        assertEquals(small, vm.config());
        assertTrue(vm.minimalisticProperty().get());
        assertEquals("v3-small-min 0.75-224", vm.labelProperty().get());
        vm.load(MobileNetConfig.of(Family.V2, 1.4, 224));
        assertEquals("v2 1.4-224", vm.labelProperty().get());
        assertFalse(vm.config().minimalistic());
    }

    @Test
    void knobsThatDoNotApplyAreLeftOutDisabledWithAReasonAndComeBackWithV1() {
        vm.roundingProperty().set(ChannelRounding.KERAS);
        vm.blocks14Property().set(3);
        vm.standardConvProperty().set(true);
        vm.activationProperty().set(Activation.RELU);
        assertTrue(vm.v1KnobsApplyProperty().get());
        assertEquals("", vm.v1OnlyReasonProperty().get());
        assertFalse(vm.minimalisticAppliesProperty().get());
        assertTrue(vm.minimalisticReasonProperty().get().contains("v3-Large and v3-Small only"),
                vm.minimalisticReasonProperty().get());

        vm.familyProperty().set(Family.V2);
        assertEquals(MobileNetConfig.of(Family.V2, 1.0, 224), vm.config(), "V1's knobs left out");
        assertEquals("", vm.errorProperty().get());
        assertFalse(vm.v1KnobsApplyProperty().get());
        assertTrue(vm.v1OnlyReasonProperty().get().startsWith("Applies to MobileNet v1 only: MobileNet v2"),
                vm.v1OnlyReasonProperty().get());
        vm.minimalisticProperty().set(true); // no V2 minimalistic: ignored
        assertFalse(vm.config().minimalistic());

        vm.familyProperty().set(Family.V3_LARGE);
        assertTrue(vm.config().minimalistic(), "the check box applies now");
        assertTrue(vm.minimalisticAppliesProperty().get());
        assertEquals("", vm.minimalisticReasonProperty().get());
        assertEquals("v3-large-min 1.0-224", vm.labelProperty().get());

        vm.familyProperty().set(Family.V1);
        assertEquals(new MobileNetConfig(1.0, 224, 1000, ChannelRounding.KERAS, 3, true, Activation.RELU), vm.config(),
                "V1's knobs kept their values");
    }

    @Test
    void slidersFollowTheFamilysPublishedWidthsAndResolutions() {
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), vm.rangesProperty().get().alphaStops());
        vm.familyProperty().set(Family.V2);
        KnobRanges v2 = vm.rangesProperty().get();
        assertEquals(0.35, v2.alphaMin(), 1e-12);
        assertEquals(1.4, v2.alphaMax(), 1e-12);
        assertTrue(v2.isAlphaStop(1.3) && !v2.isAlphaStop(1.25));
        vm.stepAlpha(1);
        assertEquals(1.3, vm.alphaProperty().get(), 1e-12);
        vm.stepAlpha(1);
        vm.stepAlpha(1);
        assertEquals(1.4, vm.alphaProperty().get(), 1e-12, "the last stop is the slider's end");
        vm.stepResolution(-1);
        assertEquals(192, vm.resolutionProperty().get());
        vm.familyProperty().set(Family.V3_SMALL);
        assertEquals(List.of(0.75, 1.0), vm.rangesProperty().get().alphaStops());
        assertEquals(1.4, vm.alphaProperty().get(), 1e-12, "a family change keeps alpha, even off the slider");
        vm.stepAlpha(-1);
        assertEquals(1.0, vm.alphaProperty().get(), 1e-12);
        vm.stepAlpha(-1);
        vm.stepAlpha(-1);
        assertEquals(0.35, vm.alphaProperty().get(), 1e-12, "below the last stop: the slider's end");
        assertEquals(Optional.of(2.5), vm.parseAlpha("2.5"), "typed values stay free within the model's limits");
        vm.stepResolution(1);
        assertEquals(224, vm.resolutionProperty().get());
        vm.stepResolution(1);
        assertEquals(256, vm.resolutionProperty().get());
    }

    @Test
    void theFamilyIsRememberedLikeTheOtherKnobs() {
        MemorySettings settings = new MemorySettings();
        ConfigSettings stored = new ConfigSettings(settings);
        MobileNetConfig c = MobileNetConfig.of(Family.V3_SMALL, 0.75, 192).withMinimalistic(true).withClasses(1001);
        stored.save(c, "onnxruntime");
        assertEquals("v3-small", settings.get("config.family").orElseThrow());
        assertEquals(c, new ConfigSettings(settings).restore());
        settings.put("config.family", "v4");
        assertEquals(MobileNetConfig.DEFAULT, stored.restore(), "an unknown family falls back to the baseline");
    }
}
