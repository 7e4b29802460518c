package org.mobilenetexplorer.model;

/**
 * The memory of a network's weights by {@link Precision}, with batch norm folded into the convolutions (what a
 * deployed model stores; about the size of its model file):
 * <ul>
 *   <li>FP32: every weight and one bias per output channel, 4 bytes each;</li>
 *   <li>INT8 as the tool's QDQ model stores it (decision 009): every weight 1 byte, plus per output channel
 *       {@value #INT8_BYTES_PER_CHANNEL} bytes (a float weight scale, an int8 weight zero point, an int32 bias, its
 *       float scale and int32 zero point); the first convolution stays FP32 (4 bytes per weight and bias). Per
 *       activation a scale and a zero point (5 bytes) are left out: a few KiB at most.</li>
 * </ul>
 * The per-channel part matters for narrow networks: at V3-Small 0.5-128 it is about a quarter of the INT8 bytes.
 *
 * @param fp32Bytes weights and biases in FP32
 * @param int8Bytes int8 weights, int32 biases, per-channel scales and zero points, the FP32 first convolution
 */
public record WeightMemory(long fp32Bytes, long int8Bytes) {

    /**
     * Bytes stored per output channel of an INT8 layer besides its weights: weight scale (4) and zero point (1),
     * int32 bias (4), bias scale (4) and zero point (4).
     */
    public static final int INT8_BYTES_PER_CHANNEL = 17;

    public static WeightMemory of(NetworkStats stats) {
        long fp32 = 0;
        long int8 = 0;
        for (LayerStats s : stats.layers()) {
            if (s.params() == 0) {
                continue;
            }
            long channels = s.layer().output().c();
            long weights = s.params() - (s.layer().hasBias() ? channels : 0);
            long fp32Layer = (weights + channels) * Precision.FP32.bytesPerWeight();
            fp32 += fp32Layer;
            // the INT8 model keeps the first convolution (on the 3-channel image) in FP32
            int8 += s.layer().index() == 0 ? fp32Layer
                    : weights * Precision.INT8.bytesPerWeight() + channels * INT8_BYTES_PER_CHANNEL;
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
