package org.mobilenetexplorer.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.PresetException;
import org.mobilenetexplorer.preset.PresetLoader;
import org.mobilenetexplorer.preset.PresetWriter;
import org.mobilenetexplorer.ui.common.Settings;
import org.mobilenetexplorer.ui.compare.CompareViewModel;
import org.mobilenetexplorer.ui.config.PresetViewModel;

/**
 * What of a session comes back after a restart beside the configuration ({@code ConfigSettings}): the loaded preset
 * (a bundled one by name, a file by its path, read again) and the pinned Compare configurations with their
 * baseline (as preset JSON, the one format that already writes every family's configuration). Saved at each
 * change, so a crash loses nothing; kept in {@link Settings}, so tests never touch the user's preferences.
 */
public final class SessionStore {
    static final String K_PRESET = "session.preset";
    static final String K_PINNED = "session.pinned";
    static final String K_BASELINE = "session.baseline";
    static final String BUNDLED = "bundled:";
    static final String FILE = "file:";

    private final Settings settings;

    public SessionStore(Settings settings) {
        this.settings = settings;
    }

    /**
     * Lists the last session's preset again and pins its configurations; what cannot come back (a preset file
     * deleted or no longer valid) is named in {@code status}. The current configuration is left alone.
     */
    public void restore(PresetViewModel presets, CompareViewModel compare, Consumer<String> status) {
        settings.get(K_PRESET).ifPresent(source -> restorePreset(source, presets, status));
        for (MobileNetConfig c : pinned()) {
            compare.pin(c);
        }
        int baseline = (int) settings.getDouble(K_BASELINE, 0);
        if (baseline > 0 && baseline < compare.pinned().size()) {
            compare.baselineProperty().set(baseline);
        }
    }

    private void restorePreset(String source, PresetViewModel presets, Consumer<String> status) {
        if (source.startsWith(BUNDLED)) {
            String name = source.substring(BUNDLED.length());
            presets.bundledPresets().stream().filter(p -> p.name().equals(name)).findFirst()
                    .ifPresent(p -> presets.showPreset(p, null));
        } else if (source.startsWith(FILE)) {
            Path file = Path.of(source.substring(FILE.length()));
            try {
                presets.showPreset(PresetLoader.load(file), file);
            } catch (PresetException e) {
                settings.remove(K_PRESET);
                status.accept("The preset of the last session was not reopened: " + e.getMessage());
            }
        }
    }

    /** The pinned configurations remembered, in order; none when nothing (or nothing readable) is remembered. */
    List<MobileNetConfig> pinned() {
        Optional<String> json = settings.get(K_PINNED);
        if (json.isEmpty()) {
            return List.of();
        }
        try {
            return PresetLoader.parse(json.get(), K_PINNED).configs().stream().map(PresetEntry::config).toList();
        } catch (PresetException e) {
            return List.of();
        }
    }

    /** Saves the preset and the pinned configurations now and after every change of either. */
    public void saveOnChange(PresetViewModel presets, CompareViewModel compare) {
        presets.presetProperty().addListener((o, a, p) -> savePreset(p, presets.presetFileProperty().get()));
        compare.pinned().addListener((ListChangeListener<MobileNetConfig>) c -> savePinned(compare));
        compare.baselineProperty().addListener((o, a, b) -> savePinned(compare));
    }

    void savePreset(Preset p, Path file) {
        if (p == null) {
            settings.remove(K_PRESET);
        } else if (file != null) {
            settings.put(K_PRESET, FILE + file.toAbsolutePath());
        } else {
            settings.put(K_PRESET, BUNDLED + p.name());
        }
    }

    private void savePinned(CompareViewModel compare) {
        List<MobileNetConfig> pinned = List.copyOf(compare.pinned());
        if (pinned.isEmpty()) {
            settings.remove(K_PINNED);
            settings.remove(K_BASELINE);
            return;
        }
        List<PresetEntry> entries = pinned.stream().map(PresetEntry::new).toList();
        settings.put(K_PINNED, PresetWriter.toJson(Preset.of("Pinned", "", "MobileNet Explorer session", entries)));
        settings.put(K_BASELINE, Integer.toString(compare.baselineProperty().get()));
    }
}
