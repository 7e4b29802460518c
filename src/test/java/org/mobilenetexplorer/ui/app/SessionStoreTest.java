package org.mobilenetexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.PresetWriter;
import org.mobilenetexplorer.preset.Presets;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.ui.common.MemorySettings;
import org.mobilenetexplorer.ui.common.RecentFiles;
import org.mobilenetexplorer.ui.common.RecordingDialogs;
import org.mobilenetexplorer.ui.compare.CompareViewModel;
import org.mobilenetexplorer.ui.config.ConfigViewModel;
import org.mobilenetexplorer.ui.config.PresetViewModel;

/** The preset and the pinned configurations of one session come back in the next, with in-memory settings. */
class SessionStoreTest {
    @TempDir
    Path dir;
    private final MemorySettings settings = new MemorySettings();
    private final List<String> status = new ArrayList<>();

    /** One launch of the app's view-models over the same settings. */
    private final class Launch {
        final ConfigViewModel config = new ConfigViewModel();
        final PresetViewModel presets = new PresetViewModel(config, Presets.bundled(), new RecentFiles(settings),
                new RecordingDialogs().context(settings, dir, status));
        final CompareViewModel compare = new CompareViewModel(PublishedData.bundled(), (c, b) -> Optional.empty(),
                new SimpleStringProperty("onnxruntime"), config.configProperty(), presets.presetEntries(),
                status::add);

        Launch() {
            SessionStore store = new SessionStore(settings);
            store.restore(presets, compare, status::add);
            store.saveOnChange(presets, compare);
        }
    }

    @Test
    void aPresetFileAndThePinnedConfigurationsComeBack() throws Exception {
        Path file = dir.resolve("two.json");
        PresetWriter.save(Preset.of("Two widths", "", "test", List.of(
                new PresetEntry(new MobileNetConfig(0.25, 128)), new PresetEntry(new MobileNetConfig(0.75, 192)))),
                file);
        Launch first = new Launch();
        assertTrue(first.presets.openPreset(file));
        first.compare.pin(new MobileNetConfig(1.0, 224));
        MobileNetConfig v2 = MobileNetConfig.of(Family.V2, 1.4, 224);
        first.compare.pin(v2);
        first.compare.pin(new MobileNetConfig(0.5, 160));
        first.compare.baselineProperty().set(2);
        first.config.load(new MobileNetConfig(0.5, 96));

        Launch second = new Launch();
        assertEquals("Two widths", second.presets.presetProperty().get().name());
        assertEquals(file.toAbsolutePath(), second.presets.presetFileProperty().get());
        assertEquals(2, second.presets.presetEntries().size());
        assertEquals(MobileNetConfig.DEFAULT, second.config.config(), "restoring lists the preset, never loads it");
        assertEquals(List.of(new MobileNetConfig(1.0, 224), v2, new MobileNetConfig(0.5, 160)),
                second.compare.pinned());
        assertEquals(2, second.compare.baselineProperty().get());

        second.compare.clear();
        assertEquals(List.of(), new Launch().compare.pinned());
    }

    @Test
    void aBundledPresetComesBackByName() {
        Launch first = new Launch();
        Preset bundled = first.presets.bundledPresets().get(1);
        first.presets.usePreset(bundled);
        Launch second = new Launch();
        assertEquals(bundled, second.presets.presetProperty().get());
        assertNull(second.presets.presetFileProperty().get());
    }

    @Test
    void aPresetFileGoneSinceIsNamedAndForgotten() throws Exception {
        Path file = dir.resolve("gone.json");
        PresetWriter.save(Preset.of("Gone", "", "test", List.of(new PresetEntry(MobileNetConfig.DEFAULT))), file);
        assertTrue(new Launch().presets.openPreset(file));
        Files.delete(file);
        status.clear();
        Launch second = new Launch();
        assertNull(second.presets.presetProperty().get());
        assertEquals(1, status.size(), status.toString());
        assertTrue(status.get(0).startsWith("The preset of the last session was not reopened: ")
                && status.get(0).contains("gone.json"), status.get(0));
        assertTrue(settings.get(SessionStore.K_PRESET).isEmpty());
    }

    @Test
    void unreadablePinsAreIgnoredAndSixPinsFitInOnePreferencesValue() {
        settings.put(SessionStore.K_PINNED, "{ not json");
        assertEquals(List.of(), new Launch().compare.pinned());
        Launch launch = new Launch();
        for (int i = 0; i < CompareViewModel.MAX_PINNED; i++) {
            launch.compare.pin(new MobileNetConfig(0.25 + 0.125 * i, 224, 1001, MobileNetConfig.DEFAULT.rounding(),
                    MobileNetConfig.MAX_BLOCKS14, false, MobileNetConfig.DEFAULT.activation()));
        }
        String json = settings.get(SessionStore.K_PINNED).orElseThrow();
        assertTrue(json.length() < Preferences.MAX_VALUE_LENGTH, json.length() + " chars");
        assertEquals(CompareViewModel.MAX_PINNED, new Launch().compare.pinned().size());
    }
}
