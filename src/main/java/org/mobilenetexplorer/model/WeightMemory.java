package org.mobilenetexplorer.model;

/**
 * The memory of a network's weights by {@link Precision}, with batch norm folded into the convolutions (what a
 * deployed model stores; about the size of its model file):
 * <ul>
 *   <li>FP32: every weight and one bias per output channel, 4 bytes each;</li>
 *   <li>INT8: every weight 1 byte, plus per output channel an int32 bias and a float32 scale (8 bytes).</li>
 * </ul>
 *
 * @param fp32Bytes weights and biases in FP32
 * @param int8Bytes int8 weights, int32 biases and per-channel scales
 */
public record WeightMemory(long fp32Bytes, long int8Bytes) {

    /** Bytes stored per output channel of an INT8 layer besides its weights: an int32 bias and a float scale. */
    public static final int INT8_BYTES_PER_CHANNEL = 8;

    public static WeightMemory of(NetworkStats stats) {
        long fp32 = 0;
        long int8 = 0;
        for (LayerStats s : stats.layers()) {
            if (s.params() == 0) {
                continue;
            }
            long channels = s.layer().output().c();
            long weights = s.params() - (s.layer().hasBias() ? channels : 0);
            fp32 += (weights + channels) * Precision.FP32.bytesPerWeight();
            int8 += weights * Precision.INT8.bytesPerWeight() + channels * INT8_BYTES_PER_CHANNEL;
        }
        return new WeightMemory(fp32, int8);
    }

    /** The bytes in {@code precision}. */
    public long bytes(Precision precision) {
        return switch (precision) {
            case FP32 -> fp32Bytes;
            case INT8 -> int8Bytes;
        };
    }
}
