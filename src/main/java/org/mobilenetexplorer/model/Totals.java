package org.mobilenetexplorer.model;

/**
 * Network totals (batch 1, FP32).
 *
 * @param layers              number of layers (as listed: depthwise and pointwise separately, pool, FC, softmax)
 * @param macs                sum of layer MACs
 * @param params              sum of layer params (weights + biases)
 * @param weights             params without biases (the V1 paper's "4.2M" convention)
 * @param bnParams            sum of batch-norm params
 * @param activationElements  sum of output activation elements
 * @param peakActivationBytes largest activation memory alive at once (FP32): a layer's output plus every earlier
 *                            output still to be read (in a chain such as V1: the layer's input and output; in V2/V3
 *                            also a residual block's input, kept for its add)
 * @param peakLayer           name of the layer where that peak occurs
 * @param elementwiseOps      sum of elementwise operations (not counted as MACs)
 */
public record Totals(int layers, long macs, long params, long weights, long bnParams, long activationElements,
                     long peakActivationBytes, String peakLayer, long elementwiseOps) {

    /** Bytes of all parameters including batch norm, in FP32 (the model file size, roughly). */
    public long parameterBytes() {
        return (params + bnParams) * CostModel.BYTES_PER_ELEMENT;
    }
}
