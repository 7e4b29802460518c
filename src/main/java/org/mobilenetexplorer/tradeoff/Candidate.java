package org.mobilenetexplorer.tradeoff;

import java.util.Objects;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * A configuration to analyse, with the label to show.
 *
 * @param config the configuration
 * @param label  display label (defaults to {@link #shortLabel(MobileNetConfig)})
 */
public record Candidate(MobileNetConfig config, String label) {
    public Candidate {
        Objects.requireNonNull(config, "config");
        label = label == null || label.isBlank() ? shortLabel(config) : label;
    }

    /**
     * {@code alpha-resolution} with the structural suffixes of {@link MobileNetConfig#label()} but without the
     * class count (1000 vs TF-Slim's 1001 changes nothing a chart shows).
     */
    public static String shortLabel(MobileNetConfig config) {
        return config.withClasses(1000).label();
    }

    public Candidate(MobileNetConfig config) {
        this(config, null);
    }
}
