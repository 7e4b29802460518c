package org.mobilenetexplorer.published;

import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * One published row: a model's accuracy, MACs and params as printed, with its source.
 * Missing values are null. {@code alpha} and {@code resolution} are null for comparison models
 * (GoogleNet, VGG 16, ...).
 *
 * @param sourceId      id of the {@link PublishedSource} ({@code other} when none matches)
 * @param sourceText    the source as written in the reference data (document, table, revision)
 * @param model         model name as printed
 * @param alpha         width multiplier, or null
 * @param resolution    input resolution, or null
 * @param top1          top-1 accuracy in percent, or null
 * @param top5          top-5 accuracy in percent, or null
 * @param millionMacs   published million MACs (mult-adds), or null
 * @param millionParams published million params, or null
 * @param notes         notes from the reference data (misprints, caveats, other tasks)
 */
public record PublishedFigure(String sourceId, String sourceText, String model, Double alpha, Integer resolution,
                              Double top1, Double top5, Double millionMacs, Double millionParams, String notes) {

    /** False for the paper's other-task rows (Stanford Dogs, face attributes, COCO, ...). */
    public boolean isImageNet() {
        return notes == null || !notes.startsWith("NOT ImageNet");
    }

    /** True for a MobileNet v1 variant (alpha and resolution known). */
    public boolean isMobileNet() {
        return alpha != null && resolution != null;
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
     * True when this row describes the network {@code c} computes, up to the class count (the paper counts 1000
     * classes, TF-Slim 1001: below the printed precision).
     */
    public boolean describes(MobileNetConfig c) {
        if (!isMobileNet() || !isImageNet() || isBodyOnly() || c.family() != org.mobilenetexplorer.model.Family.V1) {
            return false; // the bundled rows are V1's
        }
        return Math.abs(alpha - c.alpha()) < 1e-9 && resolution == c.resolution()
                && isStandardConv() == c.standardConv()
                && (isShallow() ? c.blocks14() == 0 : c.blocks14() == MobileNetConfig.MAX_BLOCKS14)
                && c.rounding() == org.mobilenetexplorer.model.ChannelRounding.SLIM;
    }
}
