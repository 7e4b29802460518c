package org.mobilenetexplorer.model;

/**
 * How a source counts "parameters". Ours is {@link #WEIGHTS_AND_BIASES} with batch norm listed separately
 * ({@link CostModel#BN_VALUES_PER_CHANNEL} values per channel); published tables use the others, and a printed
 * figure is held against ours (see {@code report.PublishedComparison}), its convention recorded as data.
 */
public enum ParamsConvention {
    /** Ours: weights + biases (convolutions followed by batch norm have no bias, the FC has one). */
    WEIGHTS_AND_BIASES,
    /** Weights only, no biases: the paper's "4.2M" for 1.0 MobileNet-224. */
    WEIGHTS_ONLY,
    /**
     * TF-Slim's table: weights + biases + {@link #TF_SLIM_BN_VALUES_PER_CHANNEL} batch-norm values per channel (as
     * if its batch norm had no gamma: beta, moving mean, moving variance).
     */
    TF_SLIM;

    /** Batch-norm values per channel in TF-Slim's parameter counts. */
    public static final int TF_SLIM_BN_VALUES_PER_CHANNEL = 3;

    /** The parameters of a network with totals {@code t}, counted this way. */
    public long count(Totals t) {
        return switch (this) {
            case WEIGHTS_AND_BIASES -> t.params();
            case WEIGHTS_ONLY -> t.weights();
            case TF_SLIM -> t.params() + t.bnParams() / CostModel.BN_VALUES_PER_CHANNEL * TF_SLIM_BN_VALUES_PER_CHANNEL;
        };
    }
}
