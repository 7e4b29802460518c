package org.mobilenetexplorer.bench;

/**
 * One reason a measurement is unstable: a code and the numbers behind it (what each number means depends on the
 * kind: {@link Instability}). {@link ResultWords#reason} says it in words.
 *
 * @param kind  what
 * @param value the measured figure, e.g. the CV 0.142
 * @param limit the limit it crossed, e.g. 0.10
 */
public record UnstableFlag(Instability kind, double value, double limit) {
    public UnstableFlag {
        InvalidSettingException.required(kind, "kind");
    }
}
