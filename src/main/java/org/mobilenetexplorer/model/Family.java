package org.mobilenetexplorer.model;

import java.util.List;
import java.util.Locale;

/**
 * The MobileNet architecture families. Each is a table of {@link OpDef} rows (TF-Slim's {@code conv_defs}) that
 * {@link ArchitectureSpec#of(MobileNetConfig)} expands into layers; a family differs from another only in its data:
 * its table, how its widths scale with alpha ({@link #widthRule()}) and how TF-Slim names its scopes
 * ({@link #naming()}).
 */
public enum Family {
    /** Howard et al. 2017 (arXiv:1704.04861), TF-Slim {@code mobilenet_v1.py}. */
    V1("v1", "MobileNet v1"),
    /** Sandler et al. 2018 (arXiv:1801.04381), TF-Slim {@code mobilenet/mobilenet_v2.py} {@code V2_DEF}. */
    V2("v2", "MobileNet v2"),
    /** Howard et al. 2019 (arXiv:1905.02244), TF-Slim {@code mobilenet/mobilenet_v3.py} {@code V3_LARGE}. */
    V3_LARGE("v3-large", "MobileNet v3-Large"),
    /** Howard et al. 2019, TF-Slim {@code mobilenet/mobilenet_v3.py} {@code V3_SMALL}. */
    V3_SMALL("v3-small", "MobileNet v3-Small");

    /** How a family's channel counts scale with the width multiplier. */
    public enum WidthRule {
        /** V1: the configured {@link ChannelRounding} (TF-Slim {@code max(int(d * alpha), 8)} or Keras). */
        V1_ROUNDING,
        /** V2/V3: TF-Slim's {@code _make_divisible(d * alpha, 8)} ({@link Widths#makeDivisible(double, int)}). */
        MAKE_DIVISIBLE
    }

    /** How TF-Slim names the layers of a family. */
    public enum Naming {
        /** V1: op i of the table is {@code Conv2d_i} (separable blocks {@code Conv2d_i_depthwise}, {@code _pointwise}). */
        INDEXED,
        /**
         * V2/V3: TF variable-scope default names made unique by a counter: {@code Conv}, {@code Conv_1}, ...;
         * {@code expanded_conv}, {@code expanded_conv_1}, ... with {@code /expand}, {@code /depthwise},
         * {@code /squeeze_excite/Conv}, {@code /project} inside.
         */
        UNIQUIFIED
    }

    /** What a family id must be, for error messages. */
    public static final String RULE = "must be v1, v2, v3-large or v3-small";

    private final String id;
    private final String displayName;

    Family(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** Lower-case id used on the command line, in presets and JSON: v1, v2, v3-large, v3-small. */
    public String id() {
        return id;
    }

    /** Human name: {@code MobileNet v2}, {@code MobileNet v3-Large}. */
    public String displayName() {
        return displayName;
    }

    /** True for V3-Large and V3-Small, the families with a minimalistic variant. */
    public boolean hasMinimalistic() {
        return switch (this) {
            case V1, V2 -> false;
            case V3_LARGE, V3_SMALL -> true;
        };
    }

    public WidthRule widthRule() {
        return switch (this) {
            case V1 -> WidthRule.V1_ROUNDING;
            case V2, V3_LARGE, V3_SMALL -> WidthRule.MAKE_DIVISIBLE;
        };
    }

    public Naming naming() {
        return switch (this) {
            case V1 -> Naming.INDEXED;
            case V2, V3_LARGE, V3_SMALL -> Naming.UNIQUIFIED;
        };
    }

    /** The table of {@code config} (its family's, with the V1 knobs or V3's minimalistic choice applied). */
    public static List<OpDef> table(MobileNetConfig config) {
        return switch (config.family()) {
            case V1 -> MobileNetV1.table(config);
            case V2 -> MobileNetV2.V2_DEF;
            case V3_LARGE -> config.minimalistic() ? MobileNetV3.LARGE_MINIMALISTIC : MobileNetV3.LARGE;
            case V3_SMALL -> config.minimalistic() ? MobileNetV3.SMALL_MINIMALISTIC : MobileNetV3.SMALL;
        };
    }

    /** Parses {@code v1}, {@code v2}, {@code v3-large} or {@code v3-small} (case-insensitive). */
    public static Family fromId(String id) {
        for (Family f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new InvalidConfigException("family", id, RULE);
    }

    /** The ids, comma-separated, for help texts. */
    public static String ids() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Family::id).toList());
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
