package org.mobilenetexplorer.published;

import org.mobilenetexplorer.model.Family;

/**
 * One row of the V2/V3 reference data ({@code mobilenet_v2_v3_published.csv}), as printed.
 *
 * @param sourceId      id of the {@link PublishedSource} (the CSV's {@code source_id} column)
 * @param sourceText    the document, revision and table
 * @param family        the MobileNet family, or null for a comparison model (ShuffleNet, MnasNet, ...)
 * @param minimalistic  true for V3's minimalistic variant
 * @param model         the model name as printed
 * @param alpha         width multiplier, or null for comparison models
 * @param resolution    input resolution, or null
 * @param classes       classifier classes of the published checkpoint (1001 for TF-Slim), or null
 * @param precision     {@code float32} or {@code uint8}
 * @param top1          ImageNet top-1 percent, or null
 * @param top5          ImageNet top-5 percent, or null
 * @param millionMacs   printed MACs in millions, or null
 * @param millionParams printed parameters in millions, or null
 * @param notes         the row's notes
 */
public record FamilyFigure(String sourceId, String sourceText, Family family, boolean minimalistic, String model,
                           Double alpha, Integer resolution, Integer classes, String precision, Double top1,
                           Double top5, Double millionMacs, Double millionParams, String notes) {

    /** True for rows of a MobileNet with alpha and resolution (not a comparison model). */
    public boolean isMobileNet() {
        return family != null && alpha != null && resolution != null;
    }

    /** True for 8-bit rows. */
    public boolean isQuantized() {
        return "uint8".equals(precision);
    }
}
