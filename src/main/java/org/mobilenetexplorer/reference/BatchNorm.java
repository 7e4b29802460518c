package org.mobilenetexplorer.reference;

/**
 * Inference-time batch-norm values of one convolution, one entry per output channel:
 * {@code y = gamma * (x - mean) / sqrt(variance + epsilon) + beta}.
 *
 * @param gamma    scale
 * @param beta     shift
 * @param mean     moving mean
 * @param variance moving variance (all > 0)
 * @param epsilon  added to the variance ({@link #EPSILON}, TF-Slim's and Keras' 0.001)
 */
public record BatchNorm(float[] gamma, float[] beta, float[] mean, float[] variance, double epsilon) {

    /** TF-Slim's and Keras' batch-norm epsilon for MobileNet v1. */
    public static final double EPSILON = 1e-3;

    public BatchNorm {
        int n = gamma.length;
        if (beta.length != n || mean.length != n || variance.length != n) {
            throw new IllegalArgumentException("batch norm: gamma, beta, mean and variance must all have " + n
                    + " channels, got " + beta.length + ", " + mean.length + ", " + variance.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(variance[i] > 0)) {
                throw new IllegalArgumentException("batch norm: variance[" + i + "] = " + variance[i] + ": must be > 0");
            }
        }
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("batch norm: epsilon = " + epsilon + ": must be >= 0");
        }
        gamma = gamma.clone();
        beta = beta.clone();
        mean = mean.clone();
        variance = variance.clone();
    }

    public int channels() {
        return gamma.length;
    }

    /** The per-channel multiplier gamma / sqrt(variance + epsilon), in double precision. */
    public double scale(int channel) {
        return gamma[channel] / Math.sqrt(variance[channel] + epsilon);
    }

    /** The per-channel shift beta - mean * scale, in double precision. */
    public double shift(int channel) {
        return beta[channel] - mean[channel] * scale(channel);
    }

    @Override
    public float[] gamma() {
        return gamma.clone();
    }

    @Override
    public float[] beta() {
        return beta.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] variance() {
        return variance.clone();
    }
}
