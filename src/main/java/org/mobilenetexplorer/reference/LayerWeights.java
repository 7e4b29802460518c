package org.mobilenetexplorer.reference;

import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * The weights of one spec layer with parameters (CONV, DEPTHWISE, POINTWISE, SE_CONV, FC). Layout (row-major,
 * the ONNX / PyTorch convention, which the ONNX exporter writes as is):
 * <ul>
 *   <li>CONV, POINTWISE and SE_CONV: {@code kernel} is OIHW, {@code [outC][inC][k][k]}, index
 *       {@code ((o * inC + i) * k + ky) * k + kx};</li>
 *   <li>DEPTHWISE: {@code kernel} is {@code [C][1][k][k]}, index {@code (c * k + ky) * k + kx};</li>
 *   <li>FC: {@code kernel} is {@code [classes][in]}, index {@code o * in + i}; {@code bias} is {@code [classes]}.</li>
 * </ul>
 * A layer has a bias exactly when {@link LayerSpec#hasBias()} (FC, squeeze-and-excite's convolutions, V3's last 1 x 1
 * convolution) and a {@link BatchNorm} exactly when {@link LayerSpec#hasBatchNorm()} (every other convolution).
 * Accessors return copies: the record is immutable.
 *
 * @param layer     the spec layer
 * @param kernel    weights in the layout above
 * @param bias      the bias, or {@code null} for layers without one
 * @param batchNorm the convolution's batch norm, or {@code null} for layers without one
 */
public record LayerWeights(LayerSpec layer, float[] kernel, float[] bias, BatchNorm batchNorm) {

    public LayerWeights {
        long expected = kernelLength(layer);
        if (kernel.length != expected) {
            throw new IllegalArgumentException("layer " + layer.name() + ": kernel has " + kernel.length
                    + " values, expected " + expected);
        }
        if (layer.hasBias() != (bias != null)) {
            throw new IllegalArgumentException("layer " + layer.name() + ": bias " + (bias == null ? "missing" : "not allowed"));
        }
        if (bias != null && bias.length != layer.output().c()) {
            throw new IllegalArgumentException("layer " + layer.name() + ": bias has " + bias.length + " values, expected "
                    + layer.output().c());
        }
        if (layer.hasBatchNorm() != (batchNorm != null)) {
            throw new IllegalArgumentException("layer " + layer.name() + ": batch norm "
                    + (batchNorm == null ? "missing" : "not allowed"));
        }
        if (batchNorm != null && batchNorm.channels() != layer.output().c()) {
            throw new IllegalArgumentException("layer " + layer.name() + ": batch norm has " + batchNorm.channels()
                    + " channels, expected " + layer.output().c());
        }
        kernel = kernel.clone();
        bias = bias == null ? null : bias.clone();
    }

    /** Number of kernel values of {@code layer} (0 for layers without weights). */
    public static long kernelLength(LayerSpec layer) {
        long k2 = (long) layer.kernel() * layer.kernel();
        return switch (layer.kind()) {
            case CONV -> k2 * layer.input().c() * layer.output().c();
            case DEPTHWISE -> k2 * layer.input().c();
            case POINTWISE, SE_CONV, FC -> (long) layer.input().c() * layer.output().c();
            case AVG_POOL, SOFTMAX, ADD, MULTIPLY -> 0;
        };
    }

    /** True for the kinds that carry weights. */
    public static boolean hasWeights(LayerKind kind) {
        return kind.hasWeights();
    }

    /** Kernel values per output channel (in-channels per group x k x k; inputs for FC). */
    public int valuesPerOutput() {
        return kernel.length / layer.output().c();
    }

    @Override
    public float[] kernel() {
        return kernel.clone();
    }

    @Override
    public float[] bias() {
        return bias == null ? null : bias.clone();
    }

    /** The kernel value at a flat index in the documented layout, without copying. */
    public float kernelAt(int index) {
        return kernel[index];
    }

    /** The bias value of output {@code o}, without copying. */
    public float biasAt(int o) {
        return bias[o];
    }

    /** The kernel length, without copying. */
    public int kernelSize() {
        return kernel.length;
    }
}
