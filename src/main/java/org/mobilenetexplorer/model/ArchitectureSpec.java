package org.mobilenetexplorer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The one source of truth: a configuration turned into its list of layers. The cost model, the reference
 * forward pass, the ONNX exporter and the DL4J builder all read this.
 *
 * @param config the configuration
 * @param layers the layers in execution order
 */
public record ArchitectureSpec(MobileNetConfig config, List<LayerSpec> layers) {

    public ArchitectureSpec {
        layers = List.copyOf(layers);
    }

    /** Builds the layer list of {@code config}. */
    public static ArchitectureSpec of(MobileNetConfig config) {
        var b = new Builder();
        double alpha = config.alpha();
        ChannelRounding rounding = config.rounding();
        int res = config.resolution();

        Shape x = new Shape(res, res, 3);
        x = b.add("Conv2d_0", LayerKind.CONV, MobileNetV1.KERNEL, MobileNetV1.STEM_STRIDE, x,
                rounding.apply(MobileNetV1.STEM_CHANNELS, alpha), 0);

        int i = 1;
        for (MobileNetV1.Block block : MobileNetV1.blocks(config.blocks14())) {
            int out = rounding.apply(block.channels(), alpha);
            if (config.standardConv()) {
                x = b.add("Conv2d_" + i, LayerKind.CONV, MobileNetV1.KERNEL, block.stride(), x, out, i);
            } else {
                x = b.add("Conv2d_" + i + "_depthwise", LayerKind.DEPTHWISE, MobileNetV1.KERNEL, block.stride(), x,
                        x.c(), i);
                x = b.add("Conv2d_" + i + "_pointwise", LayerKind.POINTWISE, 1, 1, x, out, i);
            }
            i++;
        }
        // global average pool: kernel = the final feature map
        Shape pooled = new Shape(1, 1, x.c());
        b.layers.add(new LayerSpec(b.layers.size(), "AvgPool", LayerKind.AVG_POOL, x.h(), 1, x, pooled, 0));
        Shape logits = new Shape(1, 1, config.classes());
        b.layers.add(new LayerSpec(b.layers.size(), "Logits", LayerKind.FC, 1, 1, pooled, logits, 0));
        b.layers.add(new LayerSpec(b.layers.size(), "Softmax", LayerKind.SOFTMAX, 1, 1, logits, logits, 0));
        return new ArchitectureSpec(config, b.layers);
    }

    /** The input shape (resolution x resolution x 3). */
    public Shape input() {
        return layers.get(0).input();
    }

    /** The output shape (1 x 1 x classes). */
    public Shape output() {
        return layers.get(layers.size() - 1).output();
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

    private static final class Builder {
        final List<LayerSpec> layers = new ArrayList<>(32);

        Shape add(String name, LayerKind kind, int kernel, int stride, Shape in, int outChannels, int block) {
            Shape out = new Shape(LayerSpec.ceilDiv(in.h(), stride), LayerSpec.ceilDiv(in.w(), stride), outChannels);
            layers.add(new LayerSpec(layers.size(), name, kind, kernel, stride, in, out, block));
            return out;
        }
    }
}
