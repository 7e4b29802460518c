package org.mobilenetexplorer.model;

/**
 * Channel arithmetic of the width multiplier. V1 uses {@link ChannelRounding}; V2 and V3 use TF-Slim's
 * {@code _make_divisible} everywhere: on every layer's outputs ({@code depth_multiplier}), on expansion sizes
 * ({@code expand_input_by_factor}) and on the squeeze of squeeze-and-excite. Computed in double precision exactly as
 * Python computes it (no epsilon: the same IEEE products give the same results).
 */
public final class Widths {
    private Widths() {
    }

    /**
     * TF-Slim {@code _make_divisible(v, divisor)} with {@code min_value = divisor}:
     * {@code max(divisor, int(v + divisor / 2) // divisor * divisor)}, plus {@code divisor} when that is below
     * {@code 0.9 * v} (rounding never takes away more than 10%).
     */
    public static int makeDivisible(double v, int divisor) {
        if (!(v > 0) || divisor < 1) {
            throw new IllegalArgumentException("make_divisible(" + v + ", " + divisor + "): v must be > 0, divisor >= 1");
        }
        int n = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        if (n < 0.9 * v) {
            n += divisor;
        }
        return n;
    }

    /** The output channels of table row {@code op} in a network of {@code config}. */
    public static int outputChannels(OpDef op, MobileNetConfig config) {
        double alpha = config.alpha();
        return switch (config.family().widthRule()) {
            case V1_ROUNDING -> config.rounding().apply(op.channels(), alpha);
            // finegrain classification mode: for alpha < 1 the row keeps its full width
            case MAKE_DIVISIBLE -> op.fullWidth() && alpha < 1.0
                    ? op.channels()
                    : makeDivisible(op.channels() * alpha, OpDef.DIVISOR);
        };
    }

    /** The expanded channels of an EXPANDED_CONV row with {@code inputChannels} (TF-Slim {@code expand_input_by_factor}). */
    public static int expansionChannels(OpDef op, int inputChannels) {
        return makeDivisible(inputChannels * op.expansion(), op.expansionDivisor());
    }

    /** The squeeze channels of squeeze-and-excite on {@code channels}: make_divisible(channels / 4, 8). */
    public static int squeezeChannels(int channels) {
        return makeDivisible(channels / (double) OpDef.SQUEEZE_FACTOR, OpDef.DIVISOR);
    }
}
