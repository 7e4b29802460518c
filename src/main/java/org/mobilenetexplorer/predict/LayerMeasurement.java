package org.mobilenetexplorer.predict;

/**
 * One layer's measured time in a calibration network: the median over the profile's forward passes, as the
 * benchmark engine's per-layer profile reports it (fused runtime nodes count toward the spec layer they implement).
 *
 * @param layer    spec layer name (Conv2d_0, Conv2d_1_depthwise, ..., Logits, Softmax)
 * @param medianMs median time of the layer, ms, batch 1
 */
public record LayerMeasurement(String layer, double medianMs) {
    public LayerMeasurement {
        if (layer == null || layer.isBlank()) {
            throw new IllegalArgumentException("layer = " + layer + ": must be a layer name");
        }
        if (!(medianMs >= 0) || Double.isInfinite(medianMs)) {
            throw new IllegalArgumentException("medianMs = " + medianMs + ": must be a finite time >= 0");
        }
    }
}
