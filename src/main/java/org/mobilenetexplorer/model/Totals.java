package org.mobilenetexplorer.model;

/**
 * Network totals (batch 1, FP32).
 *
 * @param layers              number of layers (as listed: depthwise and pointwise separately, pool, FC, softmax)
 * @param macs                sum of layer MACs
 * @param params              sum of layer params (weights + biases)
 * @param weights             params without biases (the paper's "4.2M" convention)
 * @param bnParams            sum of batch-norm params
 * @param activationElements  sum of output activation elements
 * @param peakActivationBytes largest input + output alive at once (FP32)
 * @param peakLayer           name of the layer where that peak occurs
 */
public record Totals(int layers, long macs, long params, long weights, long bnParams, long activationElements,
                     long peakActivationBytes, String peakLayer) {

    /** Bytes of all parameters including batch norm, in FP32 (the model file size, roughly). */
    public long parameterBytes() {
        return (params + bnParams) * CostModel.BYTES_PER_ELEMENT;
    }
}
