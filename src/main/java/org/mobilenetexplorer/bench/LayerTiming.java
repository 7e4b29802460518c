package org.mobilenetexplorer.bench;

import java.util.List;

/**
 * Measured times of one spec layer over repeated forward passes.
 *
 * @param layer      spec layer name (Conv2d_0, Conv2d_1_depthwise, ..., Logits, Softmax)
 * @param samplesNs  one time per repeat, in nanoseconds
 */
public record LayerTiming(String layer, List<Long> samplesNs) {
    public LayerTiming {
        samplesNs = List.copyOf(samplesNs);
    }
}
