package org.mobilenetexplorer.model;

import java.util.Locale;

/**
 * The knobs of one MobileNet v1 variant. Immutable; the compact constructor validates every value and names it.
 *
 * @param alpha        width multiplier, any real in (0, 4]
 * @param resolution   input resolution in pixels (square), 32..2048; rho = resolution / 224
 * @param classes      number of classifier outputs (1000 for ImageNet; TF-Slim uses 1001)
 * @param rounding     channel rounding rule
 * @param blocks14     how many of the five repeated 14x14x512 separable blocks to keep (0..5)
 * @param standardConv every depthwise-separable block replaced by a full 3x3 convolution (paper Table 4)
 * @param activation   activation after batch norm (cost-neutral)
 */
public record MobileNetConfig(
        double alpha,
        int resolution,
        int classes,
        ChannelRounding rounding,
        int blocks14,
        boolean standardConv,
        Activation activation) {

    public static final double MAX_ALPHA = 4.0;
    public static final int MIN_RESOLUTION = 32;
    public static final int MAX_RESOLUTION = 2048;
    public static final int MAX_CLASSES = 100_000;
    public static final int BASE_RESOLUTION = 224;
    public static final int MAX_BLOCKS14 = 5;

    /** Paper baseline: 1.0 MobileNet-224, 1000 classes, TF-Slim rounding, ReLU6. */
    public static final MobileNetConfig DEFAULT = new MobileNetConfig(1.0, 224);

    public MobileNetConfig {
        if (!(alpha > 0.0 && alpha <= MAX_ALPHA) || Double.isNaN(alpha)) {
            throw new InvalidConfigException("alpha", fmt(alpha), "must be in (0, 4]");
        }
        if (resolution < MIN_RESOLUTION || resolution > MAX_RESOLUTION) {
            throw new InvalidConfigException("resolution", resolution, "must be an integer in 32..2048");
        }
        if (classes < 1 || classes > MAX_CLASSES) {
            throw new InvalidConfigException("classes", classes, "must be an integer in 1..100000");
        }
        if (rounding == null) {
            throw new InvalidConfigException("rounding", null, "must be slim or keras");
        }
        if (blocks14 < 0 || blocks14 > MAX_BLOCKS14) {
            throw new InvalidConfigException("blocks14", blocks14, "must be an integer in 0..5");
        }
        if (activation == null) {
            throw new InvalidConfigException("activation", null, "must be relu or relu6");
        }
    }

    /** alpha and resolution with every other knob at its default. */
    public MobileNetConfig(double alpha, int resolution) {
        this(alpha, resolution, 1000, ChannelRounding.SLIM, MAX_BLOCKS14, false, Activation.RELU6);
    }

    /** Resolution multiplier rho = resolution / 224. */
    public double rho() {
        return resolution / (double) BASE_RESOLUTION;
    }

    public MobileNetConfig withAlpha(double a) {
        return new MobileNetConfig(a, resolution, classes, rounding, blocks14, standardConv, activation);
    }

    public MobileNetConfig withResolution(int r) {
        return new MobileNetConfig(alpha, r, classes, rounding, blocks14, standardConv, activation);
    }

    public MobileNetConfig withClasses(int c) {
        return new MobileNetConfig(alpha, resolution, c, rounding, blocks14, standardConv, activation);
    }

    public MobileNetConfig withRounding(ChannelRounding r) {
        return new MobileNetConfig(alpha, resolution, classes, r, blocks14, standardConv, activation);
    }

    public MobileNetConfig withBlocks14(int b) {
        return new MobileNetConfig(alpha, resolution, classes, rounding, b, standardConv, activation);
    }

    public MobileNetConfig withStandardConv(boolean s) {
        return new MobileNetConfig(alpha, resolution, classes, rounding, blocks14, s, activation);
    }

    public MobileNetConfig withActivation(Activation a) {
        return new MobileNetConfig(alpha, resolution, classes, rounding, blocks14, standardConv, a);
    }

    /** True when every knob but alpha and resolution is at its default. */
    public boolean isStandardVariant() {
        return classes == 1000 && rounding == ChannelRounding.SLIM && blocks14 == MAX_BLOCKS14 && !standardConv;
    }

    /**
     * Short label in the paper's style, e.g. {@code 1.0-224}, {@code 0.75-192}, with suffixes for the
     * non-default structural knobs: {@code shallow}, {@code b14=3}, {@code conv}, {@code keras}, {@code 1001cls}.
     */
    public String label() {
        StringBuilder sb = new StringBuilder(fmt(alpha)).append('-').append(resolution);
        if (standardConv) {
            sb.append(" conv");
        }
        if (blocks14 == 0) {
            sb.append(" shallow");
        } else if (blocks14 != MAX_BLOCKS14) {
            sb.append(" b14=").append(blocks14);
        }
        if (rounding != ChannelRounding.SLIM) {
            sb.append(' ').append(rounding.id());
        }
        if (classes != 1000) {
            sb.append(' ').append(classes).append("cls");
        }
        return sb.toString();
    }

    /** alpha as users write it: 1.0, 0.75, 0.5, 0.25, 0.125, 1.3 (at least one decimal, no float noise). */
    public static String fmt(double alpha) {
        if (Double.isNaN(alpha) || Double.isInfinite(alpha)) {
            return Double.toString(alpha);
        }
        String s = String.format(Locale.ROOT, "%.6f", alpha).replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
