package org.mobilenetexplorer.published;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * One published row of any family: a model's accuracy, MACs and params as printed, with its source. The V1
 * reference data ({@code mobilenet_v1_published.csv}) and the V2/V3 one ({@code mobilenet_v2_v3_published.csv})
 * both load into this record. Missing values are null. {@code family}, {@code alpha} and {@code resolution} are null
 * for comparison models (GoogleNet, VGG 16, ShuffleNet, MnasNet, ...).
 *
 * @param sourceId      id of the {@link PublishedSource} ({@code other} when none matches)
 * @param sourceText    the source as written in the reference data (document, table, revision)
 * @param table         the table that prints the row ({@code Table4}, {@code V2 checkpoints table}), or null
 * @param family        the MobileNet family, or null for a comparison model
 * @param minimalistic  true for V3's minimalistic variant
 * @param model         model name as printed
 * @param alpha         width multiplier, or null
 * @param resolution    input resolution, or null
 * @param classes       classifier classes of the V2/V3 data's row (TF-Slim 1001, papers 1000), or null (V1 data)
 * @param precision     {@code float32} or {@code uint8} in the V2/V3 data; null in V1's (its quantized rows are
 *                      told by their source, {@link PublishedSource#quantized()})
 * @param top1          top-1 accuracy in percent, or null
 * @param top5          top-5 accuracy in percent, or null
 * @param millionMacs   published million MACs (mult-adds), or null
 * @param millionParams published million params, or null
 * @param notes         notes from the reference data (misprints, caveats, other tasks)
 */
public record PublishedFigure(String sourceId, String sourceText, String table, Family family, boolean minimalistic,
                              String model, Double alpha, Integer resolution, Integer classes, String precision,
                              Double top1, Double top5, Double millionMacs, Double millionParams, String notes) {
    private static final Pattern NUMBERED_TABLE = Pattern.compile("^Table\\s*(\\d+)$");

    /** False for the paper's other-task rows (Stanford Dogs, face attributes, COCO, ...). */
    public boolean isImageNet() {
        return notes == null || !notes.startsWith("NOT ImageNet");
    }

    /** True for a MobileNet of any family (family, alpha and resolution known). */
    public boolean isMobileNet() {
        return family != null && alpha != null && resolution != null;
    }

    /** True for a row of the V1 reference data (which has no class count column; the V2/V3 data has one). */
    private boolean inV1Data() {
        return classes == null;
    }

    /** The number of a numbered table ({@code Table4} gives 4), or null. */
    public Integer tableNumber() {
        Matcher m = table == null ? null : NUMBERED_TABLE.matcher(table);
        return m != null && m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The table as reports name it: {@code Table 4}, {@code V2 checkpoints table}; null when none is known. */
    public String tableLabel() {
        Integer n = tableNumber();
        return n != null ? "Table " + n : table;
    }

    /** True for the paper's comparison models (no alpha, ImageNet). */
    public boolean isComparisonModel() {
        return alpha == null && isImageNet() && sourceId.equals("paper");
    }

    /** The paper's Table 4 "Conv MobileNet": every separable block a full convolution. */
    public boolean isStandardConv() {
        return model.startsWith("Conv MobileNet");
    }

    /** The paper's Table 5 "Shallow MobileNet": the five 14x14x512 blocks removed. */
    public boolean isShallow() {
        return model.startsWith("Shallow");
    }

    /** TF-Slim's docstring numbers of the body alone (no classifier). */
    public boolean isBodyOnly() {
        return model.contains("no logits");
    }

    /** True for a row of the standard network (not Conv MobileNet, not shallow, not the body alone). */
    public boolean describesFullNetwork() {
        return !isStandardConv() && !isShallow() && !isBodyOnly();
    }

    /**
     * True when this row describes the network {@code c} computes, up to the class count (the papers count 1000
     * classes, TF-Slim 1001: below the printed precision; the golden tests check every verdict at both counts).
     * The V2 paper's MobileNetV1 row (a comparison entry of its Table 4, whose figures the golden tests check) is
     * not shown for V1 configurations: V1's reports keep V1's own sources.
     */
    public boolean describes(MobileNetConfig c) {
        if (!isMobileNet() || !isImageNet() || isBodyOnly() || family != c.family()
                || minimalistic != c.minimalistic() || Math.abs(alpha - c.alpha()) >= 1e-9
                || resolution != c.resolution()) {
            return false;
        }
        return switch (family) {
            case V1 -> inV1Data() && isStandardConv() == c.standardConv()
                    && (isShallow() ? c.blocks14() == 0 : c.blocks14() == MobileNetConfig.MAX_BLOCKS14)
                    && c.rounding() == ChannelRounding.SLIM;
            case V2, V3_LARGE, V3_SMALL -> true;
        };
    }
}
