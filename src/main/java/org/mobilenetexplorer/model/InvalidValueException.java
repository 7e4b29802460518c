package org.mobilenetexplorer.model;

/**
 * A value out of range, carrying the field, the offending value and the rule, so a caller names the value where it
 * came from (a command-line option, a file and field) without reading the message back. The configuration
 * ({@link InvalidConfigException}) and the benchmark settings ({@code bench.InvalidSettingException}) refine it.
 */
public abstract class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String rule;

    protected InvalidValueException(String field, Object value, String rule) {
        super(field + " = " + value + ": " + rule);
        this.field = field;
        this.value = String.valueOf(value);
        this.rule = rule;
    }

    /** The field name as in presets, result files and JSON (alpha, resolution, minRuns, ...). */
    public String field() {
        return field;
    }

    /** The offending value as the user gave it. */
    public String value() {
        return value;
    }

    /** What the value must be, e.g. "must be in (0, 4]". */
    public String rule() {
        return rule;
    }
}
