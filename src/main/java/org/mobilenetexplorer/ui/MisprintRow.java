package org.mobilenetexplorer.ui;

/**
 * A published figure that our arithmetic does not reproduce.
 *
 * @param source  the source's name
 * @param model   the model as printed
 * @param printed the printed value (million MACs)
 * @param ours    our exact value (million MACs)
 * @param note    the reference data's explanation
 */
public record MisprintRow(String source, String model, String printed, String ours, String note) {
}
