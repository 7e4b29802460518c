package org.mobilenetexplorer.published;

import java.util.Locale;
import org.mobilenetexplorer.model.Family;

/**
 * A published phone latency of a V2 or V3 model ({@code mobilenet_v2_v3_published_latency.csv}): TF-Slim's and the V3
 * paper's Pixel 1/2/3 columns. Never mixed with our own measurements.
 *
 * @param sourceId     the source id (sources.json)
 * @param sourceText   document and revision
 * @param family       the family, null for a row that names none (a paper's comparison row)
 * @param minimalistic V3's minimalistic variant
 * @param model        model name as printed
 * @param alpha        width multiplier, or null
 * @param resolution   input resolution, or null
 * @param precision    float32 or uint8
 * @param device       device as printed (Pixel 1, Pixel 2, Pixel 3)
 * @param runtime      runtime (TFLite)
 * @param settings     threads and other settings as printed
 * @param latencyMs    latency in milliseconds
 * @param notes        which column it comes from
 */
public record FamilyLatency(String sourceId, String sourceText, Family family, boolean minimalistic, String model,
                            Double alpha, Integer resolution, String precision, String device, String runtime,
                            String settings, double latencyMs, String notes) {

    /** The device as a reference-device name: {@code Pixel-2} and {@code Pixel 2} are one device. */
    public static String deviceName(String printed) {
        String d = printed == null ? "" : printed.strip();
        int paren = d.indexOf(" (");
        if (paren > 0) {
            d = d.substring(0, paren); // "Pixel-2 (UNVERIFIED for quant table)"
        }
        return d.replace('-', ' ').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).startsWith("pixel ")
                ? "Pixel " + d.substring(6).strip() : d;
    }
}
