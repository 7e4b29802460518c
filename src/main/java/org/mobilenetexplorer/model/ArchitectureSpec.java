package org.mobilenetexplorer.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one source of truth: a configuration turned into its layers. The cost model, the reference forward pass, the
 * ONNX exporter and the DL4J builder all read this. Built by one generic builder from the family's table
 * ({@link Family#table(MobileNetConfig)}): every row becomes its layers ({@link OpDef}), then the classifier is
 * appended (the global average pool unless the table pooled already, the {@code Logits} FC, the {@code Softmax}), as
 * TF-Slim's {@code mobilenet()} does. TF-Slim's second pool in V3 (its classifier pools the 1 x 1 map again, an
 * identity) is not listed.
 *
 * @param config the configuration
 * @param layers the layers in execution order; every layer's inputs come before it
 * @param blocks the blocks (layer groups) in order, numbered from 1
 */
public record ArchitectureSpec(MobileNetConfig config, List<LayerSpec> layers, List<BlockSpec> blocks) {

    public ArchitectureSpec {
        layers = List.copyOf(layers);
        blocks = List.copyOf(blocks);
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            if (l.index() != i) {
                throw new IllegalArgumentException("layer " + l.name() + " has index " + l.index() + " at position " + i);
            }
            Shape first = shape(layers, l.inputs().get(0));
            if (!first.equals(l.input())) {
                throw new IllegalArgumentException("layer " + l.name() + ": input " + l.input() + " but its producer gives "
                        + first);
            }
            if (l.kind() == LayerKind.ADD && !shape(layers, l.inputs().get(1)).equals(l.output())) {
                throw new IllegalArgumentException("layer " + l.name() + ": adds maps of different shapes");
            }
            if (l.kind() == LayerKind.MULTIPLY
                    && !shape(layers, l.inputs().get(1)).equals(new Shape(1, 1, l.output().c()))) {
                throw new IllegalArgumentException("layer " + l.name() + ": the gate must be 1x1x" + l.output().c());
            }
        }
    }

    /** Builds the layer list of {@code config}. */
    public static ArchitectureSpec of(MobileNetConfig config) {
        Builder b = new Builder(config);
        List<OpDef> table = Family.table(config);
        for (int i = 0; i < table.size(); i++) {
            b.row(i, table.get(i));
        }
        b.classifier();
        return new ArchitectureSpec(config, b.layers, b.blocks);
    }

    /** The input shape (resolution x resolution x 3). */
    public Shape input() {
        return layers.get(0).input();
    }

    /** The output shape (1 x 1 x classes). */
    public Shape output() {
        return layers.get(layers.size() - 1).output();
    }

    /** The output shape of layer {@code index}, or the input shape for {@link LayerSpec#NETWORK_INPUT}. */
    public Shape outputOf(int index) {
        return shape(layers, index);
    }

    /** The layer named {@code name}, or an exception naming it. */
    public LayerSpec layer(String name) {
        for (LayerSpec l : layers) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no layer named " + name + " in " + config.label());
    }

    /** Block number {@code number} (1-based, as {@link LayerSpec#block()}). */
    public BlockSpec block(int number) {
        if (number < 1 || number > blocks.size()) {
            throw new IllegalArgumentException("block " + number + ": " + config.label() + " has blocks 1.."
                    + blocks.size());
        }
        return blocks.get(number - 1);
    }

    /** The block {@code layer} belongs to, if any. */
    public Optional<BlockSpec> blockOf(LayerSpec layer) {
        return layer.block() == 0 ? Optional.empty() : Optional.of(block(layer.block()));
    }

    /** Indices of the layers that read layer {@code index}'s output ({@link LayerSpec#NETWORK_INPUT}: the image). */
    public List<Integer> consumers(int index) {
        List<Integer> out = new ArrayList<>(2);
        for (LayerSpec l : layers) {
            if (l.inputs().contains(index)) {
                out.add(l.index());
            }
        }
        return out;
    }

    private static Shape shape(List<LayerSpec> layers, int index) {
        return index == LayerSpec.NETWORK_INPUT ? layers.get(0).input() : layers.get(index).output();
    }

    /** Expands table rows into layers. */
    private static final class Builder {
        final MobileNetConfig config;
        final Family.Naming naming;
        final List<LayerSpec> layers = new ArrayList<>(160);
        final List<BlockSpec> blocks = new ArrayList<>(20);
        final Map<String, Integer> scopes = new HashMap<>();
        /** The layer whose output flows on (the image at first), its shape, and whether the map was pooled. */
        int current = LayerSpec.NETWORK_INPUT;
        Shape x;
        boolean pooled;

        Builder(MobileNetConfig config) {
            this.config = config;
            this.naming = config.family().naming();
            this.x = new Shape(config.resolution(), config.resolution(), 3);
        }

        void row(int i, OpDef op) {
            switch (op.kind()) {
                case CONV -> conv(i, op);
                case SEPARABLE -> separable(i, op);
                case EXPANDED_CONV -> expanded(i, op);
                case POOL -> {
                    pool("AvgPool", 0);
                    pooled = true;
                }
            }
        }

        /** One convolution: CONV for k x k, POINTWISE for 1 x 1; batch norm, or a bias without it. */
        void conv(int i, OpDef op) {
            int out = Widths.outputChannels(op, config);
            int blockNo = naming == Family.Naming.INDEXED ? i : 0;
            int first = layers.size();
            int in = x.c();
            LayerKind kind = op.kernel() == 1 ? LayerKind.POINTWISE : LayerKind.CONV;
            String name = scope(i, "Conv");
            add(name, kind, op.kernel(), op.stride(), out, blockNo, op.activation(), op.batchNorm(),
                    !op.batchNorm());
            if (blockNo > 0) {
                blocks.add(new BlockSpec(blockNo, name, op, first, layers.size() - 1, in, in, 0, out, false));
            }
        }

        /** V1's depthwise-separable block. */
        void separable(int i, OpDef op) {
            int out = Widths.outputChannels(op, config);
            String scope = scope(i, "separable");
            int blockNo = blockNumber(i);
            int first = layers.size();
            int in = x.c();
            add(sub(scope, "depthwise"), LayerKind.DEPTHWISE, op.kernel(), op.stride(), in, blockNo, op.activation(),
                    true, false);
            add(sub(scope, "pointwise"), LayerKind.POINTWISE, 1, 1, out, blockNo, op.activation(), true, false);
            blocks.add(new BlockSpec(blockNo, scope, op, first, layers.size() - 1, in, in, 0, out, false));
        }

        /** TF-Slim's expanded_conv: [expand] - depthwise - [squeeze-and-excite] - project - [residual add]. */
        void expanded(int i, OpDef op) {
            int out = Widths.outputChannels(op, config);
            String scope = scope(i, "expanded_conv");
            int blockNo = blockNumber(i);
            int first = layers.size();
            int blockInput = current;
            Shape blockShape = x;
            int in = x.c();
            int inner = Widths.expansionChannels(op, in);
            if (inner > in) {
                add(sub(scope, "expand"), LayerKind.POINTWISE, 1, 1, inner, blockNo, op.activation(), true, false);
            }
            int mid = x.c();
            add(sub(scope, "depthwise"), LayerKind.DEPTHWISE, op.kernel(), op.stride(), mid, blockNo, op.activation(),
                    true, false);
            int squeeze = 0;
            if (op.squeezeExcite()) {
                squeeze = Widths.squeezeChannels(mid);
                String se = sub(scope, "squeeze_excite");
                int gated = current;
                Shape gatedShape = x;
                pool(se + "/AvgPool", blockNo);
                add(se + "/Conv", LayerKind.SE_CONV, 1, 1, squeeze, blockNo, ActivationFunction.RELU, false, true);
                add(se + "/Conv_1", LayerKind.SE_CONV, 1, 1, mid, blockNo, ActivationFunction.HARD_SIGMOID, false, true);
                append(se + "/mul", LayerKind.MULTIPLY, 1, 1, List.of(gated, current), gatedShape, gatedShape, blockNo,
                        ActivationFunction.NONE, false, false);
            }
            add(sub(scope, "project"), LayerKind.POINTWISE, 1, 1, out, blockNo, ActivationFunction.NONE, true, false);
            boolean residual = op.residual() && op.stride() == 1 && in == out;
            if (residual) {
                append(sub(scope, "add"), LayerKind.ADD, 1, 1, List.of(current, blockInput), x, x, blockNo,
                        ActivationFunction.NONE, false, false);
                if (!blockShape.equals(x)) {
                    throw new IllegalStateException(scope + ": residual of " + blockShape + " and " + x);
                }
            }
            blocks.add(new BlockSpec(blockNo, scope, op, first, layers.size() - 1, in, mid, squeeze, out, residual));
        }

        /** The classifier: global pool (unless pooled), logits with a bias, softmax. */
        void classifier() {
            if (!pooled) {
                pool("AvgPool", 0);
            }
            Shape in = x;
            append("Logits", LayerKind.FC, 1, 1, List.of(current), in, new Shape(1, 1, config.classes()), 0,
                    ActivationFunction.NONE, false, true);
            append("Softmax", LayerKind.SOFTMAX, 1, 1, List.of(current), x, x, 0, ActivationFunction.NONE, false, false);
        }

        /** Global average pool of the current map: kernel = the map size. */
        void pool(String name, int blockNo) {
            append(name, LayerKind.AVG_POOL, x.h(), 1, List.of(current), x, new Shape(1, 1, x.c()), blockNo,
                    ActivationFunction.NONE, false, false);
        }

        /** A one-input layer on the current map, TF 'SAME' output size. */
        void add(String name, LayerKind kind, int kernel, int stride, int outChannels, int blockNo,
                ActivationFunction act, boolean bn, boolean bias) {
            Shape out = new Shape(LayerSpec.ceilDiv(x.h(), stride), LayerSpec.ceilDiv(x.w(), stride), outChannels);
            append(name, kind, kernel, stride, List.of(current), x, out, blockNo, act, bn, bias);
        }

        void append(String name, LayerKind kind, int kernel, int stride, List<Integer> inputs, Shape in, Shape out,
                int blockNo, ActivationFunction act, boolean bn, boolean bias) {
            int index = layers.size();
            layers.add(new LayerSpec(index, name, kind, kernel, stride, in, out, blockNo, inputs, act, bn, bias));
            current = index;
            x = out;
        }

        /** Blocks are numbered by table row in V1 (row 0 is the stem) and counted from 1 in V2/V3. */
        int blockNumber(int i) {
            return naming == Family.Naming.INDEXED ? i : blocks.size() + 1;
        }

        /** V1: {@code Conv2d_i}; V2/V3: TF's unique scope names ({@code base}, {@code base_1}, ...). */
        String scope(int i, String base) {
            return switch (naming) {
                case INDEXED -> "Conv2d_" + i;
                case UNIQUIFIED -> {
                    int n = scopes.merge(base, 1, Integer::sum) - 1;
                    yield n == 0 ? base : base + "_" + n;
                }
            };
        }

        /** A layer inside a scope: V1 {@code Conv2d_1_depthwise}, V2/V3 {@code expanded_conv_1/depthwise}. */
        String sub(String scope, String part) {
            return scope + (naming == Family.Naming.INDEXED ? "_" : "/") + part;
        }
    }
}
