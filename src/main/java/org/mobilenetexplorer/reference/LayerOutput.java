package org.mobilenetexplorer.reference;

import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.Shape;

/**
 * The output of one spec layer for one image, in double precision. For the convolutions this is the value after
 * batch norm and the activation (a spec convolution layer includes both); for Logits the pre-softmax scores.
 *
 * @param layer  the spec layer
 * @param values HWC (row-major: {@code (y * w + x) * c + channel}); length = {@code layer.output().elements()}
 */
public record LayerOutput(LayerSpec layer, double[] values) {
    public LayerOutput {
        if (values.length != layer.output().elements()) {
            throw new IllegalArgumentException("layer " + layer.name() + ": " + values.length + " values for shape "
                    + layer.output());
        }
        values = values.clone();
    }

    public Shape shape() {
        return layer.output();
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
