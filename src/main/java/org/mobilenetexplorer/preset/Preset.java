package org.mobilenetexplorer.preset;

import java.util.List;

/**
 * A named, versioned list of configurations, stored as JSON in {@code presets/} (see {@link PresetLoader}).
 *
 * @param schemaVersion format version, {@link #SCHEMA_VERSION}
 * @param name          short human name
 * @param description   what the preset shows (may be empty)
 * @param source        where the configurations come from, e.g. a paper table (may be empty)
 * @param configs       the configurations, at least one
 */
public record Preset(int schemaVersion, String name, String description, String source, List<PresetEntry> configs) {

    /** The only format version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public Preset {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion = " + schemaVersion + ": must be " + SCHEMA_VERSION);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name = " + name + ": must not be empty");
        }
        description = description == null ? "" : description;
        source = source == null ? "" : source;
        if (configs == null || configs.isEmpty()) {
            throw new IllegalArgumentException("configs: must hold at least one configuration");
        }
        configs = List.copyOf(configs);
    }

    /** A preset of the current schema version. */
    public static Preset of(String name, String description, String source, List<PresetEntry> configs) {
        return new Preset(SCHEMA_VERSION, name, description, source, configs);
    }
}
