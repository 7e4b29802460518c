package org.mobilenetexplorer.bench.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Relu6;
import org.nd4j.linalg.factory.Nd4j;

/**
 * TF's h-swish for DL4J, which M2.1 lacks: {@code x * relu6(x + 3) / 6} (TF-Slim {@code mobilenet_v3.hard_swish},
 * {@link org.mobilenetexplorer.model.ActivationFunction#HARD_SWISH}). Computed with three ND4J ops (add, relu6, two
 * multiplies), in place on the layer's pre-activation. Backprop: derivative 0 below -3, 1 above 3, {@code x / 3 + 1/2}
 * between.
 */
public final class HardSwishActivation extends BaseActivationFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        INDArray gate = in.add(3.0);
        Nd4j.exec(new Relu6(gate)); // min(max(x + 3, 0), 6), in place
        return in.muli(gate.muli(1.0 / 6.0));
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray above = in.gte(3.0).castTo(in.dataType());
        INDArray inside = in.gt(-3.0).castTo(in.dataType()).subi(above);
        INDArray d = in.mul(1.0 / 3.0).addi(0.5).muli(inside).addi(above);
        return new Pair<>(epsilon.muli(d), null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HardSwishActivation;
    }

    @Override
    public int hashCode() {
        return HardSwishActivation.class.hashCode();
    }

    @Override
    public String toString() {
        return "hard-swish";
    }
}
