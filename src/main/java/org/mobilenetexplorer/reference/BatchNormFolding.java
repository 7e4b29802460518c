package org.mobilenetexplorer.reference;

/**
 * Batch norm folded into the preceding convolution (what deployed runtimes execute): with
 * {@code s = gamma / sqrt(variance + epsilon)} per output channel, {@code kernel' = kernel * s} and
 * {@code bias' = beta - mean * s}. Computed in double precision, rounded once to float. A pure function shared by
 * the ONNX exporter and the DL4J builder.
 */
public final class BatchNormFolding {
    private BatchNormFolding() {
    }

    /**
     * A convolution with its batch norm folded in.
     *
     * @param kernel kernel in the same layout as {@link LayerWeights#kernel()}
     * @param bias   one bias per output channel
     */
    public record FoldedConv(float[] kernel, float[] bias) {
        public FoldedConv {
            kernel = kernel.clone();
            bias = bias.clone();
        }

        @Override
        public float[] kernel() {
            return kernel.clone();
        }

        @Override
        public float[] bias() {
            return bias.clone();
        }
    }

    /** Folds the batch norm of a convolution layer into its kernel and a bias. */
    public static FoldedConv fold(LayerWeights w) {
        BatchNorm bn = w.batchNorm();
        if (bn == null) {
            throw new IllegalArgumentException("layer " + w.layer().name() + ": has no batch norm to fold");
        }
        int out = bn.channels();
        int per = w.valuesPerOutput();
        float[] kernel = new float[w.kernelSize()];
        float[] bias = new float[out];
        for (int o = 0; o < out; o++) {
            double s = bn.scale(o);
            for (int j = 0; j < per; j++) {
                int idx = o * per + j;
                kernel[idx] = (float) (w.kernelAt(idx) * s);
            }
            bias[o] = (float) bn.shift(o);
        }
        return new FoldedConv(kernel, bias);
    }
}
