package org.mobilenetexplorer.preset;

import java.util.Objects;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;

/**
 * One configuration of a preset, with an optional label and an optional precision.
 *
 * @param config    the configuration (validated by its own constructor)
 * @param label     the label to show, or null for the configuration's own {@link MobileNetConfig#label()}
 * @param precision the precision to benchmark it in, or null when the preset does not say (presets written before
 *                  INT8 existed): FP32 unless a command chooses otherwise
 */
public record PresetEntry(MobileNetConfig config, String label, Precision precision) {

    public PresetEntry {
        Objects.requireNonNull(config, "config");
        if (label != null && label.isBlank()) {
            label = null;
        }
    }

    /** An entry with a label and no precision. */
    public PresetEntry(MobileNetConfig config, String label) {
        this(config, label, null);
    }

    /** An entry without a label. */
    public PresetEntry(MobileNetConfig config) {
        this(config, null, null);
    }

    /** The precision if given, else FP32. */
    public Precision precisionOrDefault() {
        return precision != null ? precision : Precision.FP32;
    }

    /** The label if given, else the configuration's label ({@code 0.75-192}, ...), with " int8" for INT8 entries. */
    public String displayLabel() {
        return label != null ? label : config.label() + precisionOrDefault().labelSuffix();
    }
}
