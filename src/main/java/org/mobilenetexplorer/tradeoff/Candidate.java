package org.mobilenetexplorer.tradeoff;

import java.util.Objects;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * A configuration to analyse, with the label to show.
 *
 * @param config the configuration
 * @param label  display label (defaults to {@link MobileNetConfig#label()})
 */
public record Candidate(MobileNetConfig config, String label) {
    public Candidate {
        Objects.requireNonNull(config, "config");
        label = label == null || label.isBlank() ? config.label() : label;
    }

    public Candidate(MobileNetConfig config) {
        this(config, null);
    }
}
