package org.mobilenetexplorer.model;

import java.util.Locale;

/**
 * The knobs of one MobileNet variant. Immutable; the compact constructor validates every value and names it.
 * Every family takes alpha, resolution and classes; rounding, blocks14, standardConv and activation are V1's knobs
 * (V2 and V3 fix their widths and activations as TF-Slim does) and must stay at their defaults for the other
 * families; minimalistic applies to V3 only.
 *
 * @param family       the architecture family (V1 by default)
 * @param alpha        width multiplier, any real in (0, 4]
 * @param resolution   input resolution in pixels (square), 32..2048; rho = resolution / 224
 * @param classes      number of classifier outputs (1000 for ImageNet; TF-Slim uses 1001)
 * @param rounding     V1's channel rounding rule (slim for the other families)
 * @param blocks14     V1: how many of the five repeated 14x14x512 separable blocks to keep (0..5; 5 otherwise)
 * @param standardConv V1: every depthwise-separable block replaced by a full 3x3 convolution (paper Table 4)
 * @param activation   V1: activation after batch norm (cost-neutral; relu6 otherwise)
 * @param minimalistic V3: the minimalistic variant (no squeeze-and-excite, no h-swish, 3 x 3 kernels only)
 */
public record MobileNetConfig(
        Family family,
        double alpha,
        int resolution,
        int classes,
        ChannelRounding rounding,
        int blocks14,
        boolean standardConv,
        Activation activation,
        boolean minimalistic) {

    public static final double MAX_ALPHA = 4.0;
    public static final int MIN_RESOLUTION = 32;
    public static final int MAX_RESOLUTION = 2048;
    public static final int MAX_CLASSES = 100_000;
    public static final int BASE_RESOLUTION = 224;
    public static final int MAX_BLOCKS14 = 5;

    /** Paper baseline: 1.0 MobileNet-224, 1000 classes, TF-Slim rounding, ReLU6. */
    public static final MobileNetConfig DEFAULT = new MobileNetConfig(1.0, 224);

    public MobileNetConfig {
        if (family == null) {
            throw new InvalidConfigException("family", null, Family.RULE);
        }
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
        if (family != Family.V1) {
            String rule = "applies to family v1 only, not " + family.id();
            if (rounding != ChannelRounding.SLIM) {
                throw new InvalidConfigException("rounding", rounding.id(), rule);
            }
            if (blocks14 != MAX_BLOCKS14) {
                throw new InvalidConfigException("blocks14", blocks14, rule);
            }
            if (standardConv) {
                throw new InvalidConfigException("standardConv", true, rule);
            }
            if (activation != Activation.RELU6) {
                throw new InvalidConfigException("activation", activation.id(), rule);
            }
        }
        if (minimalistic && !family.hasMinimalistic()) {
            throw new InvalidConfigException("minimalistic", true, "applies to families v3-large and v3-small only, not "
                    + family.id());
        }
    }

    /** A V1 configuration (every knob given). */
    public MobileNetConfig(double alpha, int resolution, int classes, ChannelRounding rounding, int blocks14,
            boolean standardConv, Activation activation) {
        this(Family.V1, alpha, resolution, classes, rounding, blocks14, standardConv, activation, false);
    }

    /** A V1 configuration: alpha and resolution with every other knob at its default. */
    public MobileNetConfig(double alpha, int resolution) {
        this(alpha, resolution, 1000, ChannelRounding.SLIM, MAX_BLOCKS14, false, Activation.RELU6);
    }

    /** {@code family} at alpha and resolution, every other knob at its default (1000 classes, not minimalistic). */
    public static MobileNetConfig of(Family family, double alpha, int resolution) {
        return new MobileNetConfig(family, alpha, resolution, 1000, ChannelRounding.SLIM, MAX_BLOCKS14, false,
                Activation.RELU6, false);
    }

    /** Resolution multiplier rho = resolution / 224. */
    public double rho() {
        return resolution / (double) BASE_RESOLUTION;
    }

    public MobileNetConfig withAlpha(double a) {
        return new MobileNetConfig(family, a, resolution, classes, rounding, blocks14, standardConv, activation, minimalistic);
    }

    public MobileNetConfig withResolution(int r) {
        return new MobileNetConfig(family, alpha, r, classes, rounding, blocks14, standardConv, activation, minimalistic);
    }

    public MobileNetConfig withClasses(int c) {
        return new MobileNetConfig(family, alpha, resolution, c, rounding, blocks14, standardConv, activation, minimalistic);
    }

    public MobileNetConfig withRounding(ChannelRounding r) {
        return new MobileNetConfig(family, alpha, resolution, classes, r, blocks14, standardConv, activation, minimalistic);
    }

    public MobileNetConfig withBlocks14(int b) {
        return new MobileNetConfig(family, alpha, resolution, classes, rounding, b, standardConv, activation, minimalistic);
    }

    public MobileNetConfig withStandardConv(boolean s) {
        return new MobileNetConfig(family, alpha, resolution, classes, rounding, blocks14, s, activation, minimalistic);
    }

    public MobileNetConfig withActivation(Activation a) {
        return new MobileNetConfig(family, alpha, resolution, classes, rounding, blocks14, standardConv, a, minimalistic);
    }

    /** This configuration in {@code f} (V1's knobs must be at their defaults for V2/V3; not minimalistic for V1/V2). */
    public MobileNetConfig withFamily(Family f) {
        return new MobileNetConfig(f, alpha, resolution, classes, rounding, blocks14, standardConv, activation,
                minimalistic && f.hasMinimalistic());
    }

    /** This V3 configuration's minimalistic variant (or the full one). */
    public MobileNetConfig withMinimalistic(boolean m) {
        return new MobileNetConfig(family, alpha, resolution, classes, rounding, blocks14, standardConv, activation, m);
    }

    /** True when every knob but alpha and resolution is at its default (V1, 1000 classes, ...). */
    public boolean isStandardVariant() {
        return family == Family.V1 && classes == 1000 && rounding == ChannelRounding.SLIM && blocks14 == MAX_BLOCKS14 && !standardConv;
    }

    /**
     * Short label in the paper's style, e.g. {@code 1.0-224}, {@code 0.75-192}, with suffixes for the
     * non-default structural knobs: {@code shallow}, {@code b14=3}, {@code conv}, {@code keras}, {@code 1001cls}.
     * V1 labels carry no family (as before families existed); the others start with it:
     * {@code v2 0.75-160}, {@code v3-large 1.0-224}, {@code v3-small-min 1.0-224 1001cls}.
     */
    public String label() {
        StringBuilder sb = new StringBuilder();
        if (family != Family.V1) {
            sb.append(familyLabel()).append(' ');
        }
        sb.append(fmt(alpha)).append('-').append(resolution);
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

    /** The family as labels write it: {@code v1}, {@code v2}, {@code v3-large}, {@code v3-small-min}. */
    public String familyLabel() {
        return family.id() + (minimalistic ? "-min" : "");
    }

    /**
     * alpha as users write it: 1.0, 0.75, 0.5, 0.25, 0.125, 1.3 (at least one decimal, no float noise), and always a
     * text that reads back as the same number: an alpha with more than six decimals in full (0.1234567,
     * 4.0000001), a tiny one in scientific notation (1.0E-300), so two different alphas never share a label.
     */
    public static String fmt(double alpha) {
        if (Double.isNaN(alpha) || Double.isInfinite(alpha)) {
            return Double.toString(alpha);
        }
        String s = String.format(Locale.ROOT, "%.6f", alpha).replaceAll("0+$", "");
        s = s.endsWith(".") ? s + "0" : s;
        if (Double.parseDouble(s) == alpha) {
            return s;
        }
        String exact = new java.math.BigDecimal(Double.toString(alpha)).stripTrailingZeros().toPlainString();
        return exact.length() <= 20 ? exact : Double.toString(alpha);
    }
}
