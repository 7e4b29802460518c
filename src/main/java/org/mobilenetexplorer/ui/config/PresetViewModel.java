package org.mobilenetexplorer.ui.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.PresetException;
import org.mobilenetexplorer.preset.PresetLoader;
import org.mobilenetexplorer.preset.PresetWriter;
import org.mobilenetexplorer.ui.common.FileContext;
import org.mobilenetexplorer.ui.common.RecentFiles;

/**
 * Presets in the window: the bundled ones, the loaded one and its configurations (listed under the configuration
 * panel), opening and saving preset files (a bad file opens a dialog naming file, field and value; nothing
 * changes) and the recent files.
 */
public final class PresetViewModel {
    static final String FOLDER = "presets";
    private final ConfigViewModel config;
    private final List<Preset> bundled;
    private final RecentFiles recent;
    private final FileContext files;
    private final ReadOnlyObjectWrapper<Preset> preset = new ReadOnlyObjectWrapper<>(this, "preset");
    private final ReadOnlyObjectWrapper<Path> presetFile = new ReadOnlyObjectWrapper<>(this, "presetFile");
    private final ObservableList<PresetEntry> entries = FXCollections.observableArrayList();

    /**
     * @param config  the configuration a preset's entry becomes
     * @param bundled the presets in the Presets menu
     */
    public PresetViewModel(ConfigViewModel config, List<Preset> bundled, RecentFiles recent, FileContext files) {
        this.config = config;
        this.bundled = List.copyOf(bundled);
        this.recent = recent;
        this.files = files;
    }

    /** File > Open preset: asks for a file, then {@link #openPreset(Path)}. */
    public void openPresetWithChooser() {
        files.dialogs().chooseOpen("Open preset", files.folders().last(FOLDER), "Preset JSON", "json")
                .ifPresent(this::openPreset);
    }

    /** Loads a preset file; a bad file opens an error dialog naming file, field and value, and nothing changes. */
    public boolean openPreset(Path file) {
        try {
            Preset p = PresetLoader.load(file);
            usePreset(p, file.toAbsolutePath());
            files.folders().remember(FOLDER, file);
            recent.add(file);
            files.status().accept("Loaded preset " + file.getFileName() + ": " + p.configs().size()
                    + " configurations.");
            return true;
        } catch (PresetException e) {
            files.dialogs().error("Cannot open preset", e.getMessage());
            files.status().accept("Preset not loaded: " + e.getMessage());
            return false;
        }
    }

    /** Uses a bundled or loaded preset: its configurations are listed and the first becomes current. */
    public void usePreset(Preset p) {
        usePreset(p, null);
    }

    private void usePreset(Preset p, Path file) {
        showPreset(p, file);
        config.load(p.configs().get(0).config());
        files.status().accept("Preset \"" + p.name() + "\": " + p.configs().size()
                + " configurations. Pick one in the list.");
    }

    /**
     * Lists {@code p}'s configurations without changing the current configuration (the preset of the last
     * session, restored at start).
     *
     * @param file the file it was read from, null for a bundled preset
     */
    public void showPreset(Preset p, Path file) {
        presetFile.set(file);
        preset.set(p);
        entries.setAll(p.configs());
    }

    /** Makes a preset entry the current configuration. */
    public void useEntry(PresetEntry e) {
        if (e != null) {
            config.load(e.config());
        }
    }

    /** File > Save as preset: asks for a file, then {@link #savePreset(Path)}. */
    public void savePresetWithChooser() {
        String name = config.config().label().replace(' ', '_') + ".json";
        files.dialogs().chooseSave("Save as preset", files.folders().last(FOLDER), name, "Preset JSON", "json")
                .ifPresent(this::savePreset);
    }

    /**
     * Writes the loaded preset's configurations (or, with none loaded, the current configuration) plus the
     * current configuration if not yet in it, as a preset file (atomically).
     */
    public boolean savePreset(Path file) {
        List<PresetEntry> out = new ArrayList<>(entries);
        MobileNetConfig current = config.config();
        if (out.stream().noneMatch(e -> e.config().equals(current))) {
            out.add(new PresetEntry(current));
        }
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        Preset p = Preset.of(name, "Saved from MobileNet Explorer", "MobileNet Explorer GUI", out);
        try {
            PresetWriter.save(p, file);
            files.folders().remember(FOLDER, file);
            recent.add(file);
            files.status().accept("Saved " + out.size() + " configurations to " + file);
            return true;
        } catch (IOException e) {
            files.dialogs().error("Cannot save preset", file + ": " + e.getMessage());
            return false;
        }
    }

    /** The loaded preset's configurations, in order (empty while none is loaded). */
    public List<MobileNetConfig> presetConfigs() {
        return entries.stream().map(PresetEntry::config).toList();
    }

    public List<Preset> bundledPresets() {
        return bundled;
    }

    public ReadOnlyObjectProperty<Preset> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    /** The file the loaded preset was read from; null for a bundled preset or none. */
    public ReadOnlyObjectProperty<Path> presetFileProperty() {
        return presetFile.getReadOnlyProperty();
    }

    public ObservableList<PresetEntry> presetEntries() {
        return entries;
    }

    public ObservableList<Path> recentFiles() {
        return recent.files();
    }
}
