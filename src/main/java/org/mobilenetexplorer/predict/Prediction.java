package org.mobilenetexplorer.predict;

import java.util.List;
import java.util.Objects;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * The predicted median latency of one configuration (batch 1): the layers' kernel predictions summed plus the
 * fitted per-network overhead, with a band from the calibration's leave-one-network-out errors.
 *
 * @param config        the configuration
 * @param predictedMs   layerSumMs + overheadMs
 * @param lowMs         predictedMs x (1 - bandPercent / 100), at least 0
 * @param highMs        predictedMs x (1 + bandPercent / 100)
 * @param bandPercent   the band's half-width in percent ({@link LatencyModel#bandPercent()})
 * @param layerSumMs    sum of the per-layer predictions
 * @param overheadMs    the per-network overhead (input copy, session call, time between kernels)
 * @param interpolated  true when the configuration lies inside the calibration grid's alpha and resolution range
 * @param layers        per-layer predictions, in spec order
 */
public record Prediction(MobileNetConfig config, double predictedMs, double lowMs, double highMs, double bandPercent,
                         double layerSumMs, double overheadMs, boolean interpolated, List<LayerPrediction> layers) {
    public Prediction {
        Objects.requireNonNull(config, "config");
        layers = List.copyOf(layers);
    }
}
