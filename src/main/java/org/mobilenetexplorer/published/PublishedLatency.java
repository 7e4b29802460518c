package org.mobilenetexplorer.published;

/**
 * A published phone latency (never mixed with our own measurements without a label).
 *
 * @param sourceText document and revision
 * @param model      model name as printed
 * @param alpha      width multiplier, or null
 * @param resolution input resolution, or null
 * @param precision  float32 or uint8
 * @param device     device (Pixel 3, iPhone XS, ...)
 * @param os         operating system, may be empty
 * @param runtime    runtime and delegate (TFLite CPU, TFLite GPU delegate, ...)
 * @param settings   threads and other settings as printed
 * @param latencyMs  latency in milliseconds
 * @param notes      caveats
 */
public record PublishedLatency(String sourceText, String model, Double alpha, Integer resolution, String precision,
                               String device, String os, String runtime, String settings, double latencyMs,
                               String notes) {

    /** A label for a chart series: device, runtime and settings. */
    public String seriesLabel() {
        String s = device + ", " + runtime;
        return settings == null || settings.isBlank() ? s : s + " (" + settings + ")";
    }
}
