package org.mobilenetexplorer.bench.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Relu6;
import org.nd4j.linalg.factory.Nd4j;

/**
 * TF's hard-sigmoid for DL4J: {@code relu6(x + 3) / 6} (V3's squeeze-and-excite gate,
 * {@link org.mobilenetexplorer.model.ActivationFunction#HARD_SIGMOID}). DL4J's own {@code Activation.HARDSIGMOID} is a
 * different function ({@code clip(0.2 x + 0.5, 0, 1)}, Keras' old definition), so it cannot be used. In place on the
 * pre-activation. Backprop: derivative 1/6 strictly between -3 and 3, 0 outside.
 */
public final class HardSigmoidActivation extends BaseActivationFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        in.addi(3.0);
        Nd4j.exec(new Relu6(in));
        return in.muli(1.0 / 6.0);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray inside = in.gt(-3.0).castTo(in.dataType()).subi(in.gte(3.0).castTo(in.dataType()));
        return new Pair<>(epsilon.muli(inside.muli(1.0 / 6.0)), null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HardSigmoidActivation;
    }

    @Override
    public int hashCode() {
        return HardSigmoidActivation.class.hashCode();
    }

    @Override
    public String toString() {
        return "hard-sigmoid";
    }
}
