package org.mobilenetexplorer.published;

/**
 * Where a published number comes from. One series on a chart uses one source, named in its legend.
 *
 * @param id         short stable id ({@code paper}, {@code tf-slim-2018}, {@code tflite}, {@code keras}, ...)
 * @param name       human name
 * @param checkpoint the checkpoint, model files or table the numbers belong to
 * @param metric     what the accuracy numbers measure
 * @param citation   where they were published (document, revision and table)
 * @param url        where to read the source, or null
 * @param match      substring of the v1 reference data's {@code source} column that selects this source's rows; null
 *                   for sources whose rows name their source id (the v2/v3 reference data's {@code source_id} column)
 * @param quantized  true for rows of quantized models (in the v1 reference data: model name ending in {@code _quant})
 */
public record PublishedSource(String id, String name, String checkpoint, String metric, String citation, String url,
                              String match, boolean quantized) {

    /** True when a v1 reference row with this source text and model name belongs to this source. */
    boolean matches(String sourceText, String model) {
        boolean rowQuant = model != null && model.contains("_quant");
        return match != null && sourceText != null && sourceText.contains(match) && rowQuant == quantized;
    }
}
