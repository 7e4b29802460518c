package org.mobilenetexplorer.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.mobilenetexplorer.bench.Backends;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.PresetException;
import org.mobilenetexplorer.preset.PresetLoader;
import org.mobilenetexplorer.preset.PresetWriter;
import org.mobilenetexplorer.published.PublishedData;

/**
 * The window's state: the configuration, the per-view view-models, the loaded preset, recent files, the
 * selected view, presentation mode, and what is remembered between launches. Every file operation and every
 * error message goes through here; the views only bind and delegate.
 */
public final class MainViewModel {
    static final int MAX_RECENT = 8;
    static final String K_RECENT = "recent.";
    static final String K_FOLDER = "folder.";

    private final Settings settings;
    private final TaskExecutor executor;
    private final Dialogs dialogs;
    private final List<Preset> bundledPresets;

    private final ConfigViewModel config = new ConfigViewModel();
    private final ExploreViewModel explore;
    private final LearnViewModel learn;
    private final CompareViewModel compare;

    private final ReadOnlyObjectWrapper<Preset> preset = new ReadOnlyObjectWrapper<>(this, "preset");
    private final ObservableList<PresetEntry> presetEntries = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObjectProperty<AppView> view = new SimpleObjectProperty<>(this, "view", AppView.EXPLORE);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);
    private final StringProperty selectedLayer = new SimpleStringProperty(this, "selectedLayer");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");

    /**
     * @param measuredMedianMs the latest stored benchmark median of a configuration on a backend, if any (Compare
     *                         view, for the backend chosen in the configuration panel)
     */
    public MainViewModel(Settings settings, TaskExecutor executor, Dialogs dialogs, PublishedData published,
                         List<Preset> bundledPresets,
                         BiFunction<MobileNetConfig, String, Optional<Double>> measuredMedianMs) {
        this.settings = settings;
        this.executor = executor;
        this.dialogs = dialogs;
        this.bundledPresets = List.copyOf(bundledPresets);
        restoreConfig();
        explore = new ExploreViewModel(config.configProperty(), published);
        learn = new LearnViewModel(explore.statsProperty(), published);
        compare = new CompareViewModel(published, measuredMedianMs, config.backendProperty());
        selectedLayer.addListener((o, a, name) -> learn.selectLayer(name));
        for (int i = 0; i < MAX_RECENT; i++) {
            settings.get(K_RECENT + i).map(Path::of).ifPresent(recentFiles::add);
        }
        settings.get("view").ifPresent(v -> {
            try {
                view.set(AppView.valueOf(v));
            } catch (IllegalArgumentException e) {
                view.set(AppView.EXPLORE);
            }
        });
        presentation.set(Boolean.parseBoolean(settings.get("presentation", "false")));
        status.set("Ready. Move the alpha and resolution sliders: every number updates at once.");
    }

    /** Finds the inference backends on the class path, off the JavaFX thread. */
    public void loadBackends() {
        Task<List<String>> task = new Task<>() {
            @Override
            protected List<String> call() {
                return Backends.ids();
            }
        };
        task.setOnSucceeded(e -> {
            config.backends().setAll(task.getValue());
            String remembered = settings.get("config.backend", "onnxruntime");
            if (config.backends().contains(remembered)) {
                config.backendProperty().set(remembered);
            } else if (!config.backends().isEmpty()) {
                config.backendProperty().set(config.backends().get(0));
            } else {
                config.backendProperty().set(null);
                status.set("No inference backend on the class path: the Benchmark view cannot measure.");
            }
        });
        task.setOnFailed(e -> status.set("Backends could not be listed: " + task.getException().getMessage()));
        executor.execute(task);
    }

    private void restoreConfig() {
        try {
            MobileNetConfig c = new MobileNetConfig(
                    settings.getDouble("config.alpha", 1.0),
                    (int) settings.getDouble("config.resolution", 224),
                    (int) settings.getDouble("config.classes", 1000),
                    ChannelRounding.fromId(settings.get("config.rounding", "slim")),
                    (int) settings.getDouble("config.blocks14", MobileNetConfig.MAX_BLOCKS14),
                    Boolean.parseBoolean(settings.get("config.standardConv", "false")),
                    Activation.fromId(settings.get("config.activation", "relu6")));
            config.load(c);
        } catch (InvalidConfigException e) {
            config.load(MobileNetConfig.DEFAULT);
        }
    }

    /** Remembers the configuration, view and mode for the next launch. */
    public void saveState() {
        MobileNetConfig c = config.config();
        settings.put("config.alpha", Double.toString(c.alpha()));
        settings.put("config.resolution", Integer.toString(c.resolution()));
        settings.put("config.classes", Integer.toString(c.classes()));
        settings.put("config.rounding", c.rounding().id());
        settings.put("config.blocks14", Integer.toString(c.blocks14()));
        settings.put("config.standardConv", Boolean.toString(c.standardConv()));
        settings.put("config.activation", c.activation().id());
        if (config.backendProperty().get() != null) {
            settings.put("config.backend", config.backendProperty().get());
        }
        settings.put("view", view.get().name());
        settings.put("presentation", Boolean.toString(presentation.get()));
    }

    /** Window bounds remembered from the last launch, or {@code fallback}. */
    public double[] windowBounds(double[] fallback) {
        return new double[] {settings.getDouble("window.x", fallback[0]), settings.getDouble("window.y", fallback[1]),
            settings.getDouble("window.w", fallback[2]), settings.getDouble("window.h", fallback[3])};
    }

    public void rememberWindowBounds(double x, double y, double w, double h) {
        settings.put("window.x", Double.toString(x));
        settings.put("window.y", Double.toString(y));
        settings.put("window.w", Double.toString(w));
        settings.put("window.h", Double.toString(h));
    }

    /** The folder last used for {@code purpose} (presets, exports, results), if any. */
    public Path lastFolder(String purpose) {
        return settings.get(K_FOLDER + purpose).map(Path::of).filter(Files::isDirectory)
                .orElse(Path.of(System.getProperty("user.dir")));
    }

    public void rememberFolder(String purpose, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            settings.put(K_FOLDER + purpose, dir.toString());
        }
    }

    // ---- presets ----

    /** File > Open preset: asks for a file, then {@link #openPreset(Path)}. */
    public void openPresetWithChooser() {
        dialogs.chooseOpen("Open preset", lastFolder("presets"), "Preset JSON", "json").ifPresent(this::openPreset);
    }

    /** Loads a preset file; a bad file opens an error dialog naming file, field and value, and nothing changes. */
    public boolean openPreset(Path file) {
        try {
            Preset p = PresetLoader.load(file);
            usePreset(p);
            rememberFolder("presets", file);
            addRecent(file);
            status.set("Loaded preset " + file.getFileName() + ": " + p.configs().size() + " configurations.");
            return true;
        } catch (PresetException e) {
            dialogs.error("Cannot open preset", e.getMessage());
            status.set("Preset not loaded: " + e.getMessage());
            return false;
        }
    }

    /** Uses a bundled or loaded preset: its configurations are listed and the first becomes current. */
    public void usePreset(Preset p) {
        preset.set(p);
        presetEntries.setAll(p.configs());
        config.load(p.configs().get(0).config());
        status.set("Preset \"" + p.name() + "\": " + p.configs().size() + " configurations. Pick one in the list.");
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
        dialogs.chooseSave("Save as preset", lastFolder("presets"), name, "Preset JSON", "json")
                .ifPresent(this::savePreset);
    }

    /**
     * Writes the loaded preset's configurations (or, with none loaded, the current configuration) plus the
     * current configuration if not yet in it, as a preset file (atomically).
     */
    public boolean savePreset(Path file) {
        List<PresetEntry> entries = new ArrayList<>(presetEntries);
        MobileNetConfig current = config.config();
        if (entries.stream().noneMatch(e -> e.config().equals(current))) {
            entries.add(new PresetEntry(current));
        }
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        Preset p = Preset.of(name, "Saved from MobileNet Explorer", "MobileNet Explorer GUI", entries);
        try {
            PresetWriter.save(p, file);
            rememberFolder("presets", file);
            addRecent(file);
            status.set("Saved " + entries.size() + " configurations to " + file);
            return true;
        } catch (IOException e) {
            dialogs.error("Cannot save preset", file + ": " + e.getMessage());
            return false;
        }
    }

    private void addRecent(Path file) {
        Path abs = file.toAbsolutePath();
        recentFiles.remove(abs);
        recentFiles.add(0, abs);
        while (recentFiles.size() > MAX_RECENT) {
            recentFiles.remove(recentFiles.size() - 1);
        }
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < recentFiles.size()) {
                settings.put(K_RECENT + i, recentFiles.get(i).toString());
            } else {
                settings.remove(K_RECENT + i);
            }
        }
    }

    // ---- compare ----

    /** Compare > Pin current configuration. */
    public void pinCurrent() {
        if (compare.pin(config.config())) {
            status.set("Pinned " + config.config().label() + " (" + compare.pinned().size() + " pinned).");
        } else {
            status.set(compare.messageProperty().get());
        }
    }

    /** Compare > Pin the preset's configurations (up to six). */
    public void pinPreset() {
        for (PresetEntry e : presetEntries) {
            if (compare.pinned().size() >= CompareViewModel.MAX_PINNED) {
                break;
            }
            compare.pin(e.config());
        }
        status.set(compare.pinned().size() + " configurations pinned.");
    }

    /** Configuration > Reset to the paper's baseline. */
    public void resetConfig() {
        config.load(MobileNetConfig.DEFAULT);
    }

    /** Notes an error in the status bar (e.g. from a view-model that has no dialog). */
    public void reportStatus(String text) {
        status.set(text);
    }

    public ConfigViewModel config() {
        return config;
    }

    public ExploreViewModel explore() {
        return explore;
    }

    public LearnViewModel learn() {
        return learn;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public Dialogs dialogs() {
        return dialogs;
    }

    public List<Preset> bundledPresets() {
        return bundledPresets;
    }

    public ReadOnlyObjectProperty<Preset> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    public ObservableList<PresetEntry> presetEntries() {
        return presetEntries;
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public ObjectProperty<AppView> viewProperty() {
        return view;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public StringProperty selectedLayerProperty() {
        return selectedLayer;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
