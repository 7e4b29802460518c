package org.mobilenetexplorer.predict;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * A configuration has layers of kernel kinds the device profile never measured, or layers with a feature its
 * measurements of that kind never had (a hard-swish convolution in a profile without V3): refused, not guessed.
 */
public final class MissingCalibrationException extends PredictionRefusedException {
    private static final long serialVersionUID = 1L;

    private final List<KernelKey> missing;

    /** {@code missing}: the kernel kinds, each with "" (never measured) or the feature name it never saw. */
    public MissingCalibrationException(MobileNetConfig config, SortedMap<KernelKey, String> missing) {
        super(config.label() + ": the device profile has no measurements of " + missing.entrySet().stream()
                .map(MissingCalibrationException::describe).collect(Collectors.joining(", "))
                + " (calibrate a grid that contains " + (missing.size() == 1 ? "this kernel kind" : "these kernel kinds")
                + ")");
        this.missing = List.copyOf(missing.keySet());
    }

    private static String describe(Map.Entry<KernelKey, String> e) {
        return e.getValue().isEmpty() ? e.getKey().id() : e.getKey().id() + " with " + e.getValue();
    }

    /** The kernel kinds the profile lacks (wholly or a feature of), in key order. */
    public List<KernelKey> missing() {
        return missing;
    }
}
