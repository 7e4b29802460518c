package org.mobilenetexplorer.ui.explore;

/**
 * A published figure for the current configuration, shown beside ours, with its provenance and whether our
 * arithmetic reproduces it to the printed precision.
 *
 * @param source   the source's human name
 * @param model    the model name as printed
 * @param macs     printed million MACs ("" when not printed)
 * @param params   printed million params
 * @param top1     printed top-1 accuracy in percent
 * @param check    our arithmetic against the printed MACs ("matches", "differs: ours 325.4 M")
 * @param matches  true when the printed MACs and params agree with ours to the printed precision
 * @param notes    the reference data's notes
 * @param citation where it was published
 */
public record PublishedRow(String source, String model, String macs, String params, String top1, String check,
                           boolean matches, String notes, String citation) {
}
