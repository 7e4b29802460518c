package org.mobilenetexplorer.predict;

import java.util.List;
import java.util.stream.Collectors;
import org.mobilenetexplorer.model.MobileNetConfig;

/** A configuration has layers of kernel kinds the device profile never measured: refused, not guessed. */
public final class MissingCalibrationException extends PredictionRefusedException {
    private static final long serialVersionUID = 1L;

    private final List<KernelKey> missing;

    public MissingCalibrationException(MobileNetConfig config, List<KernelKey> missing) {
        super(config.label() + ": the device profile has no measurements of " + missing.stream()
                .map(KernelKey::id).collect(Collectors.joining(", ")) + " (calibrate a grid that contains "
                + (missing.size() == 1 ? "this kernel kind" : "these kernel kinds") + ")");
        this.missing = List.copyOf(missing);
    }

    public List<KernelKey> missing() {
        return missing;
    }
}
