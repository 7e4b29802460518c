package org.mobilenetexplorer.preset;

import java.util.Objects;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * One configuration of a preset, with an optional label.
 *
 * @param config the configuration (validated by its own constructor)
 * @param label  the label to show, or null for the configuration's own {@link MobileNetConfig#label()}
 */
public record PresetEntry(MobileNetConfig config, String label) {

    public PresetEntry {
        Objects.requireNonNull(config, "config");
        if (label != null && label.isBlank()) {
            label = null;
        }
    }

    /** An entry without a label. */
    public PresetEntry(MobileNetConfig config) {
        this(config, null);
    }

    /** The label if given, else the configuration's label ({@code 0.75-192}, ...). */
    public String displayLabel() {
        return label != null ? label : config.label();
    }
}
