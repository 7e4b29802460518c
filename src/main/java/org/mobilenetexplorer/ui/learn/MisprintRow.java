package org.mobilenetexplorer.ui.learn;

/**
 * A published number that differs from the arithmetic (from the reference data's known misprints).
 *
 * @param source  where it is printed (table and row)
 * @param model   {@code misprint} or {@code convention} (counted another way)
 * @param printed the printed value with its unit
 * @param ours    what the arithmetic gives
 * @param note    the explanation
 */
public record MisprintRow(String source, String model, String printed, String ours, String note) {
}
