package org.mobilenetexplorer.ui.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.PresetLoader;
import org.mobilenetexplorer.preset.PresetWriter;
import org.mobilenetexplorer.preset.Presets;
import org.mobilenetexplorer.ui.common.MemorySettings;
import org.mobilenetexplorer.ui.common.RecentFiles;
import org.mobilenetexplorer.ui.common.RecordingDialogs;

/** Opening, using and saving presets, and the recent files, with in-memory settings and recorded dialogs. */
class PresetViewModelTest {
    @TempDir
    Path dir;
    private final MemorySettings settings = new MemorySettings();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<String> status = new ArrayList<>();
    private final ConfigViewModel config = new ConfigViewModel();

    private PresetViewModel vm() {
        return new PresetViewModel(config, Presets.bundled(), new RecentFiles(settings),
                dialogs.context(settings, dir, status));
    }

    private Path twoWidths() throws Exception {
        Path file = dir.resolve("two.json");
        PresetWriter.save(Preset.of("Two widths", "", "test", List.of(
                new PresetEntry(new MobileNetConfig(0.25, 128), "smallest"),
                new PresetEntry(new MobileNetConfig(0.75, 192)))), file);
        return file;
    }

    @Test
    void openingAPresetListsItsEntriesMakesTheFirstCurrentAndRemembersFileAndFolder() throws Exception {
        PresetViewModel vm = vm();
        dialogs.open = twoWidths();
        vm.openPresetWithChooser();
        assertEquals("Two widths", vm.presetProperty().get().name());
        assertEquals(List.of(new MobileNetConfig(0.25, 128), new MobileNetConfig(0.75, 192)), vm.presetConfigs());
        assertEquals(new MobileNetConfig(0.25, 128), config.config());
        vm.useEntry(vm.presetEntries().get(1));
        assertEquals(new MobileNetConfig(0.75, 192), config.config());
        assertEquals(List.of(dialogs.open.toAbsolutePath()), vm.recentFiles());
        assertEquals(dir.toAbsolutePath().toString(), settings.get("folder.presets").orElseThrow());
        assertEquals("Loaded preset two.json: 2 configurations.", status.get(status.size() - 1));
        // a new window sees the recent file
        assertEquals(List.of(dialogs.open.toAbsolutePath()), vm().recentFiles());
    }

    @Test
    void aBadPresetNamesFileFieldAndValueAndChangesNothing() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schemaVersion\": 1, \"name\": \"bad\", \"configs\": [{\"alpha\": 1.0,"
                + " \"resolution\": 224}, {\"alpha\": -0.5, \"resolution\": 224}]}");
        PresetViewModel vm = vm();
        assertFalse(vm.openPreset(bad));
        String message = dialogs.errors.get(0);
        assertTrue(message.contains("bad.json") && message.contains("configs[1].alpha") && message.contains("-0.5"),
                message);
        assertNull(vm.presetProperty().get());
        assertEquals(MobileNetConfig.DEFAULT, config.config());
        assertTrue(vm.recentFiles().isEmpty());
    }

    @Test
    void savingWritesThePresetPlusTheCurrentConfigurationAndLoadsBack() throws Exception {
        PresetViewModel vm = vm();
        vm.openPreset(twoWidths());
        config.load(new MobileNetConfig(0.5, 160));
        dialogs.save = dir.resolve("mine.json");
        vm.savePresetWithChooser();
        Preset p = PresetLoader.load(dialogs.save);
        assertEquals("mine", p.name());
        assertEquals(List.of(new MobileNetConfig(0.25, 128), new MobileNetConfig(0.75, 192),
                new MobileNetConfig(0.5, 160)), p.configs().stream().map(PresetEntry::config).toList());
        assertEquals(dialogs.save.toAbsolutePath(), vm.recentFiles().get(0));
    }

    @Test
    void aBundledPresetBecomesTheLoadedOne() {
        PresetViewModel vm = vm();
        Preset first = vm.bundledPresets().get(0);
        vm.usePreset(first);
        assertEquals(first, vm.presetProperty().get());
        assertEquals(first.configs().get(0).config(), config.config());
        assertTrue(status.get(0).startsWith("Preset \"" + first.name() + "\""), status.toString());
    }

    @Test
    void recentFilesKeepTheNewestEightOnce() {
        RecentFiles recent = new RecentFiles(settings);
        for (int i = 0; i < 10; i++) {
            recent.add(dir.resolve("p" + i + ".json"));
        }
        recent.add(dir.resolve("p5.json"));
        assertEquals(RecentFiles.MAX, recent.files().size());
        assertEquals(dir.resolve("p5.json").toAbsolutePath(), recent.files().get(0));
        assertEquals(dir.resolve("p9.json").toAbsolutePath(), recent.files().get(1));
        assertEquals(recent.files(), new RecentFiles(settings).files());
    }
}
