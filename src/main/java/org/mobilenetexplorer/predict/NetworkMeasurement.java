package org.mobilenetexplorer.predict;

import java.util.List;
import java.util.Objects;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * One calibration network as measured: every whole-network run of the measurement phase and every layer's profile
 * median.
 *
 * @param config    the configuration
 * @param resultId  id of the benchmark result it came from (not saved as a result: the profile holds the data)
 * @param medianMs  median of {@code samplesMs}, ms
 * @param samplesMs every measured whole-network run, ms, in order
 * @param layers    per-layer profile medians, in spec order
 * @param unstable  the benchmark's instability flags (empty when stable)
 */
public record NetworkMeasurement(MobileNetConfig config, String resultId, double medianMs, List<Double> samplesMs,
                                 List<LayerMeasurement> layers, List<String> unstable) {
    public NetworkMeasurement {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(resultId, "resultId");
        if (!(medianMs > 0) || Double.isInfinite(medianMs)) {
            throw new IllegalArgumentException("medianMs = " + medianMs + ": must be a finite time > 0");
        }
        samplesMs = List.copyOf(Objects.requireNonNull(samplesMs, "samplesMs"));
        if (samplesMs.isEmpty()) {
            throw new IllegalArgumentException("samplesMs = []: must hold the measured runs");
        }
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers = []: a calibration network needs its per-layer profile");
        }
        unstable = unstable == null ? List.of() : List.copyOf(unstable);
    }

    /** Sum of the per-layer medians, ms. */
    public double layerSumMs() {
        double s = 0;
        for (LayerMeasurement l : layers) {
            s += l.medianMs();
        }
        return s;
    }
}
