package org.mobilenetexplorer.bench.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Squeeze-and-excite's channel multiply for a DL4J {@link ComputationGraph}: a {@code [N, H, W, C]} (or NCHW) map times
 * a {@code [N, C]} gate, one factor per image and channel. DL4J M2.1 has no vertex for it: its
 * {@code ElementWiseVertex(Product)} wants inputs of one shape and {@code ScaleVertex} one scalar. One ND4J
 * {@link BroadcastMulOp} along the batch and channel dimensions, written into the activation workspace. Backprop:
 * the map's gradient is epsilon times the gate (broadcast), the gate's is epsilon times the map summed over H and W.
 */
public final class ChannelMultiplyVertex extends GraphVertex {
    private static final long serialVersionUID = 1L;

    private final CNN2DFormat format;

    public ChannelMultiplyVertex(CNN2DFormat format) {
        this.format = format;
    }

    /** The map dimensions the gate's [N, C] shape lines up with. */
    int[] gateDimensions() {
        return format == CNN2DFormat.NHWC ? new int[] {0, 3} : new int[] {0, 1};
    }

    /** The spatial dimensions of the map. */
    int[] spatialDimensions() {
        return format == CNN2DFormat.NHWC ? new int[] {1, 2} : new int[] {2, 3};
    }

    @Override
    public ChannelMultiplyVertex clone() {
        return new ChannelMultiplyVertex(format);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelMultiplyVertex v && v.format == format;
    }

    @Override
    public int hashCode() {
        return format.hashCode();
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new Impl(graph, name, idx, networkDatatype, this);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) throws InvalidInputTypeException {
        if (inputs.length != 2 || !(inputs[0] instanceof InputType.InputTypeConvolutional map)
                || inputs[1].getType() != InputType.Type.FF) {
            throw new InvalidInputTypeException("channel multiply takes a convolutional map and a feed-forward gate, got "
                    + java.util.Arrays.toString(inputs));
        }
        if (((InputType.InputTypeFeedForward) inputs[1]).getSize() != map.getChannels()) {
            throw new InvalidInputTypeException("channel multiply: gate of " + inputs[1] + " for " + map.getChannels()
                    + " channels");
        }
        return inputs[0];
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputs) {
        InputType out = getOutputType(-1, inputs);
        return new LayerMemoryReport.Builder(null, ChannelMultiplyVertex.class, inputs[0], out).standardMemory(0, 0)
                .workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    @Override
    public String toString() {
        return "ChannelMultiplyVertex(" + format + ")";
    }

    /** The vertex in a running graph. */
    static final class Impl extends BaseGraphVertex {
        private final ChannelMultiplyVertex conf;

        Impl(ComputationGraph graph, String name, int idx, DataType dataType, ChannelMultiplyVertex conf) {
            super(graph, name, idx, null, null, dataType);
            this.conf = conf;
        }

        @Override
        public boolean hasLayer() {
            return false;
        }

        @Override
        public Layer getLayer() {
            return null;
        }

        @Override
        public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
            if (!canDoForward()) {
                throw new IllegalStateException(vertexName + ": inputs not set");
            }
            INDArray map = inputs[0];
            INDArray gate = inputs[1];
            INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, map.dataType(), map.shape(), 'c');
            Nd4j.getExecutioner().exec(new BroadcastMulOp(contiguous(map), gate, out, conf.gateDimensions()));
            return out;
        }

        @Override
        public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
            INDArray map = inputs[0];
            INDArray gate = inputs[1];
            INDArray epsMap = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, map.dataType(), map.shape(), 'c');
            Nd4j.getExecutioner().exec(new BroadcastMulOp(contiguous(epsilon), gate, epsMap, conf.gateDimensions()));
            INDArray epsGate = workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD,
                    epsilon.mul(map).sum(conf.spatialDimensions()));
            return new Pair<>(new DefaultGradient(), new INDArray[] {epsMap, epsGate});
        }

        private static INDArray contiguous(INDArray a) {
            return a.ordering() == 'c' && !a.isView() ? a : a.dup('c');
        }

        @Override
        public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
            if (backpropGradientsViewArray != null) {
                throw new IllegalArgumentException(vertexName + ": has no parameters");
            }
        }

        @Override
        public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                int minibatchSize) {
            return new Pair<>(maskArrays == null || maskArrays.length == 0 ? null : maskArrays[0], currentMaskState);
        }

        @Override
        public String toString() {
            return "ChannelMultiplyVertex(" + vertexName + ")";
        }
    }
}
