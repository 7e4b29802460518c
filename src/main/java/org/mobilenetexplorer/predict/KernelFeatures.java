package org.mobilenetexplorer.predict;

import java.util.List;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * The regressors of one layer's time, per kind (one exhaustive switch: a new layer kind states its features here and
 * needs calibration data before it can be predicted). Every kind has a constant (kernel launch, per-node framework
 * cost). Standard and pointwise convolutions: the multiply-adds (compute) and the activations read and written
 * (memory traffic). Depthwise convolutions and the FC layer: the multiply-adds only, because on a calibration grid
 * their activations are a fixed multiple of their MACs (depthwise: in + out = (1 + stride^2) x MACs / k^2 on even
 * maps; FC: the classes do not change), so the two cannot be told apart. Pooling and softmax count no MACs: the
 * activations. Units are millions so the coefficients read as ms per million. The fitter still drops a feature the
 * grid turns out not to separate (softmax over a fixed class count keeps only its constant).
 */
public final class KernelFeatures {
    /** Feature names of standard and pointwise convolutions. */
    public static final List<String> COMPUTE = List.of("1", "MMACs", "Mactivations");
    /** Feature names of depthwise convolutions and the FC layer. */
    public static final List<String> MACS = List.of("1", "MMACs");
    /** Feature names of the kinds without MACs. */
    public static final List<String> MEMORY = List.of("1", "Mactivations");

    private KernelFeatures() {
    }

    /** The feature names of {@code key}'s regression, in coefficient order. */
    public static List<String> names(KernelKey key) {
        return switch (key.kind()) {
            case CONV, POINTWISE -> COMPUTE;
            case DEPTHWISE, FC, SE_CONV -> MACS;
            case AVG_POOL, SOFTMAX, ADD, MULTIPLY -> MEMORY;
        };
    }

    /** The features of {@code layer} (batch 1), in {@link #names} order. */
    public static double[] of(LayerSpec layer) {
        double activations = (layer.input().elements() + layer.output().elements()) / 1e6;
        return switch (layer.kind()) {
            case CONV, POINTWISE -> new double[] {1, CostModel.macs(layer) / 1e6, activations};
            case DEPTHWISE, FC, SE_CONV -> new double[] {1, CostModel.macs(layer) / 1e6};
            case AVG_POOL, SOFTMAX, ADD, MULTIPLY -> new double[] {1, activations};
        };
    }
}
