package org.mobilenetexplorer.chart;

/**
 * A drawing of one block as the papers draw it, with the sizes of a real layer: what {@link PaperFigures} draws
 * (in the window, as PNG or as SVG). Plain data; the Learn view builds it from the selected block.
 */
public sealed interface PaperFigure {

    /** The caption drawn above the figure. */
    String title();

    /** A file name stem for exports, e.g. {@code figure2-conv2d-7}. */
    String fileStem();

    /**
     * V1 paper Figure 2: (a) N standard filters of D_K x D_K x M, (b) M depthwise filters of D_K x D_K x 1, (c) N
     * pointwise filters of 1 x 1 x M.
     *
     * @param title    caption
     * @param fileStem export name
     * @param kernel   D_K
     * @param inputChannels  M
     * @param outputChannels N
     * @param map      D_F (output map size)
     */
    record Separable(String title, String fileStem, int kernel, int inputChannels, int outputChannels, int map)
            implements PaperFigure {
        public Separable {
            positive(kernel, inputChannels, outputChannels, map);
        }
    }

    /**
     * V2 paper Figure 3(b) / Table 1: narrow - wide - narrow. The input (M channels) is expanded by a 1 x 1
     * convolution to t * M, filtered depthwise (stride s), projected linearly to N; the shortcut adds the input when
     * the shapes agree.
     *
     * @param title          caption
     * @param fileStem       export name
     * @param inputMap       input map size
     * @param outputMap      output map size
     * @param inputChannels  M
     * @param expandedChannels t * M (= M without an expansion layer)
     * @param outputChannels N
     * @param kernel         depthwise kernel
     * @param stride         depthwise stride
     * @param activation     the activation of the expansion and the depthwise (relu6, relu, hard-swish)
     * @param squeezeExcite  whether squeeze-and-excite sits after the depthwise
     * @param residual       whether the shortcut adds the input
     */
    record InvertedResidual(String title, String fileStem, int inputMap, int outputMap, int inputChannels,
                            int expandedChannels, int outputChannels, int kernel, int stride, String activation,
                            boolean squeezeExcite, boolean residual) implements PaperFigure {
        public InvertedResidual {
            positive(inputMap, outputMap, inputChannels, expandedChannels, outputChannels, kernel, stride);
        }

        /** True when a 1 x 1 expansion layer widens the input. */
        public boolean hasExpansion() {
            return expandedChannels > inputChannels;
        }
    }

    /**
     * V3 paper Figure 4: squeeze-and-excite on the depthwise output: global pool to 1 x 1 x C, a 1 x 1 convolution
     * down to S with ReLU, one back up to C with hard-sigmoid, the map scaled channel by channel.
     *
     * @param title    caption
     * @param fileStem export name
     * @param map      map size of the gated tensor
     * @param channels C
     * @param squeeze  S
     */
    record SqueezeExcite(String title, String fileStem, int map, int channels, int squeeze) implements PaperFigure {
        public SqueezeExcite {
            positive(map, channels, squeeze);
        }
    }

    private static void positive(int... values) {
        for (int v : values) {
            if (v < 1) {
                throw new IllegalArgumentException("figure sizes must be >= 1, got " + v);
            }
        }
    }
}
