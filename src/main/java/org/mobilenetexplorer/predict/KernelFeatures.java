package org.mobilenetexplorer.predict;

import java.util.List;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * The regressors of one layer's time, per kind (one exhaustive switch: a new layer kind states its features here and
 * needs calibration data before it can be predicted). Units are millions, so coefficients read as ms per million.
 * <ul>
 *   <li>{@code 1}: every kind has a constant (kernel launch, per-node framework cost).</li>
 *   <li>{@code MMACs16}: the convolutions' multiply-adds with the channels as the blocked kernels see them, each
 *       rounded up to the block of {@value KernelKey#BLOCK} ({@link #paddedMacs}); a blocked kernel computes the
 *       padding too, so a 1x1 convolution to 153 channels costs what one to 160 costs. The plain MACs of the FC
 *       layer ({@code MMACs}).</li>
 *   <li>{@code Mactivations}: the elements read and written (memory traffic) of standard and 1x1 convolutions,
 *       pools, softmax, add and multiply. Depthwise convolutions leave it out: their activations are a fixed
 *       multiple of their MACs for a given kernel and stride ((1 + stride^2) MACs / k^2), so the two cannot be told
 *       apart.</li>
 *   <li>{@code Kplanes}: a depthwise convolution's channels in thousands, i.e. the planes it filters one by one. An
 *       unblocked (NCHW) depthwise kernel pays per plane, which matters on small maps: without this term the model
 *       over-predicted V1 0.35-112 by about 30% in every validation run; with it by 13%, and the held-out MAPE on
 *       the two quiet runs fell from 8.2% to 7.5% (docs/decisions/010, decision 8). Squeeze-and-excite's 1x1
 *       convolutions on a 1x1 map keep the depthwise list without it.</li>
 *   <li>{@code Mhard}: the output elements of a convolution followed by hard-swish or hard-sigmoid (V3), which a
 *       runtime may run as separate elementwise nodes (ONNX Runtime fuses ReLU and ReLU6 into the convolution, not
 *       hard-swish); 0 for the other activations. A profile without such layers has an all-zero column: the fitter
 *       leaves it out and such layers are refused by name.</li>
 * </ul>
 * The fitter drops a feature the grid turns out not to separate (softmax over a fixed class count keeps only its
 * constant).
 */
public final class KernelFeatures {
    /** Feature names of standard and 1x1 convolutions. */
    public static final List<String> CONVOLUTION = List.of("1", "MMACs16", "Mactivations", "Mhard");
    /** Feature names of depthwise convolutions. */
    public static final List<String> DEPTHWISE = List.of("1", "MMACs16", "Kplanes", "Mhard");
    /** Feature names of squeeze-and-excite convolutions. */
    public static final List<String> SE = List.of("1", "MMACs16", "Mhard");
    /** Feature names of the FC layer. */
    public static final List<String> MACS = List.of("1", "MMACs");
    /** Feature names of the kinds without MACs. */
    public static final List<String> MEMORY = List.of("1", "Mactivations");

    private KernelFeatures() {
    }

    /** The feature names of {@code key}'s regression, in coefficient order. */
    public static List<String> names(KernelKey key) {
        return switch (key.kind()) {
            case CONV, POINTWISE -> CONVOLUTION;
            case DEPTHWISE -> DEPTHWISE;
            case SE_CONV -> SE;
            case FC -> MACS;
            case AVG_POOL, SOFTMAX, ADD, MULTIPLY -> MEMORY;
        };
    }

    /** The features of {@code layer} (batch 1), in {@link #names} order. */
    public static double[] of(LayerSpec layer) {
        double activations = (layer.input().elements() * layer.kind().arity() + layer.output().elements()) / 1e6;
        return switch (layer.kind()) {
            case CONV, POINTWISE -> new double[] {1, paddedMacs(layer) / 1e6, activations, hard(layer)};
            case DEPTHWISE -> new double[] {1, paddedMacs(layer) / 1e6, layer.input().c() / 1e3, hard(layer)};
            case SE_CONV -> new double[] {1, paddedMacs(layer) / 1e6, hard(layer)};
            case FC -> new double[] {1, CostModel.macs(layer) / 1e6};
            case AVG_POOL, SOFTMAX, ADD, MULTIPLY -> new double[] {1, activations};
        };
    }

    /**
     * The multiply-adds of a convolution with its channels rounded up to the block of {@value KernelKey#BLOCK}:
     * depthwise k^2 x H x W x pad(c); standard and 1x1 k^2 x H x W x pad(c_in) x pad(c_out), where a standard
     * convolution's input of fewer than 16 channels (the RGB image) is read unpadded, as ONNX Runtime does.
     * Batch 1, output map.
     */
    public static long paddedMacs(LayerSpec l) {
        long map = (long) l.output().h() * l.output().w() * l.kernel() * l.kernel();
        return switch (l.kind()) {
            case DEPTHWISE -> map * pad(l.input().c());
            case CONV, POINTWISE, SE_CONV -> map * (l.input().c() < KernelKey.BLOCK ? l.input().c()
                    : pad(l.input().c())) * pad(l.output().c());
            case AVG_POOL, FC, SOFTMAX, ADD, MULTIPLY -> CostModel.macs(l);
        };
    }

    /** {@code c} rounded up to a multiple of {@value KernelKey#BLOCK}. */
    static long pad(int c) {
        return ((long) c + KernelKey.BLOCK - 1) / KernelKey.BLOCK * KernelKey.BLOCK;
    }

    private static double hard(LayerSpec l) {
        return switch (l.activation()) {
            case HARD_SWISH, HARD_SIGMOID -> l.output().elements() / 1e6;
            case NONE, RELU, RELU6 -> 0;
        };
    }
}
