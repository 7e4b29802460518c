package org.mobilenetexplorer.onnx;

/**
 * The quantization arithmetic of the INT8 export, pure functions on arrays (ONNX QuantizeLinear semantics:
 * {@code q = saturate(round_half_to_even(x / scale) + zeroPoint)}, {@code x ~ (q - zeroPoint) * scale}).
 * <ul>
 *   <li>Weights: symmetric, per output channel, int8 in [-127, 127] (the restricted range: -128 is never used, so
 *       the range is symmetric), zero point 0, {@code scale_c = max|w_c| / 127}.</li>
 *   <li>Biases: int32, zero point 0, {@code scale_c = inputScale x weightScale_c} (so the integer accumulator of a
 *       convolution and its bias share one scale: what QLinearConv and QGemm require).</li>
 *   <li>Activations: asymmetric uint8 over a calibrated range widened to contain 0
 *       ({@code scale = (max - min) / 255}, {@code zeroPoint = round(-min / scale)}); a range starting at 0 (after a
 *       ReLU) gets zero point 0, so the quantizer's saturation at 0 is the ReLU itself.</li>
 * </ul>
 */
public final class Quantization {
    /** Largest int8 weight magnitude (restricted symmetric range). */
    public static final int INT8_MAX = 127;
    /** Largest uint8 activation. */
    public static final int UINT8_MAX = 255;

    private Quantization() {
    }

    /**
     * Per-channel symmetric int8 weights.
     *
     * @param values quantized weights, same layout as the input
     * @param scales one scale per output channel (> 0)
     */
    public record PerChannelWeights(byte[] values, float[] scales) {
        public PerChannelWeights {
            values = values.clone();
            scales = scales.clone();
        }

        @Override
        public byte[] values() {
            return values.clone();
        }

        @Override
        public float[] scales() {
            return scales.clone();
        }
    }

    /**
     * uint8 activation quantization parameters.
     *
     * @param scale     step, > 0
     * @param zeroPoint the uint8 value that stands for 0.0, in [0, 255]
     */
    public record ActivationParams(float scale, int zeroPoint) {
        public ActivationParams {
            if (!(scale > 0) || !Float.isFinite(scale)) {
                throw new IllegalArgumentException("activation scale = " + scale + ": must be finite and > 0");
            }
            if (zeroPoint < 0 || zeroPoint > UINT8_MAX) {
                throw new IllegalArgumentException("activation zeroPoint = " + zeroPoint + ": must be in 0..255");
            }
        }

        /** The smallest real value representable (q = 0). */
        public double min() {
            return -zeroPoint * (double) scale;
        }

        /** The largest real value representable (q = 255). */
        public double max() {
            return (UINT8_MAX - zeroPoint) * (double) scale;
        }

        /** Quantizes one value (round half to even, saturate to 0..255). */
        public int quantize(double x) {
            return saturate(Math.rint(x / scale) + zeroPoint, 0, UINT8_MAX);
        }

        /** The real value of a quantized one. */
        public double dequantize(int q) {
            return (q - zeroPoint) * (double) scale;
        }
    }

    /**
     * Symmetric per-channel int8 quantization of a kernel laid out channel-major ({@code channels} blocks of
     * {@code values.length / channels}, as OIHW and [out][in] are). A channel of zeros gets scale 1 (any positive
     * scale represents it exactly).
     */
    public static PerChannelWeights perChannelWeights(float[] values, int channels) {
        if (channels < 1 || values.length % channels != 0) {
            throw new IllegalArgumentException("kernel of " + values.length + " values cannot be split into "
                    + channels + " channels");
        }
        int per = values.length / channels;
        byte[] q = new byte[values.length];
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            double max = 0;
            for (int j = 0; j < per; j++) {
                max = Math.max(max, Math.abs(values[c * per + j]));
            }
            float s = max > 0 ? (float) (max / INT8_MAX) : 1f;
            scales[c] = s;
            for (int j = 0; j < per; j++) {
                q[c * per + j] = (byte) saturate(Math.rint(values[c * per + j] / (double) s), -INT8_MAX, INT8_MAX);
            }
        }
        return new PerChannelWeights(q, scales);
    }

    /** The bias scales: {@code inputScale x weightScale_c}, rounded once to float (the value written to the model). */
    public static float[] biasScales(float inputScale, float[] weightScales) {
        float[] s = new float[weightScales.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = (float) ((double) inputScale * weightScales[c]);
        }
        return s;
    }

    /** int32 biases: {@code round_half_to_even(b_c / scale_c)}, saturated to the int32 range. */
    public static int[] int32Biases(float[] bias, float[] scales) {
        if (bias.length != scales.length) {
            throw new IllegalArgumentException(bias.length + " biases but " + scales.length + " scales");
        }
        int[] q = new int[bias.length];
        for (int c = 0; c < q.length; c++) {
            double v = Math.rint(bias[c] / (double) scales[c]);
            q[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        return q;
    }

    /**
     * uint8 parameters for values in [{@code min}, {@code max}]: the range is first widened to contain 0 (so 0.0 is
     * exact, as zero padding needs); an empty range [0, 0] gets scale 1.
     */
    public static ActivationParams activation(double min, double max) {
        if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("activation range [" + min + ", " + max + "]: must be finite, min <= max");
        }
        double lo = Math.min(min, 0);
        double hi = Math.max(max, 0);
        if (hi - lo == 0) {
            return new ActivationParams(1f, 0);
        }
        float scale = (float) ((hi - lo) / UINT8_MAX);
        int zp = saturate(Math.rint(-lo / scale), 0, UINT8_MAX);
        return new ActivationParams(scale, zp);
    }

    private static int saturate(double v, int lo, int hi) {
        return (int) Math.max(lo, Math.min(hi, v));
    }
}
