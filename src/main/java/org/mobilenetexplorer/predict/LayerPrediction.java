package org.mobilenetexplorer.predict;

import org.mobilenetexplorer.model.LayerKind;

/**
 * One layer's predicted time.
 *
 * @param index       layer index in the spec
 * @param name        spec layer name
 * @param kind        layer kind
 * @param kernel      the kernel kind whose fit predicted it ({@link KernelKey#id()})
 * @param macs        the layer's MACs
 * @param predictedMs predicted time, ms (batch 1)
 */
public record LayerPrediction(int index, String name, LayerKind kind, String kernel, long macs, double predictedMs) {
}
