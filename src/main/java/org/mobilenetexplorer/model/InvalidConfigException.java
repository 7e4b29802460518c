package org.mobilenetexplorer.model;

/**
 * A configuration value out of range. Carries the field, the offending value and the rule, so callers can
 * prefix where it came from ({@code presets/x.json: configs[2].}, {@code --alpha}).
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String rule;

    public InvalidConfigException(String field, Object value, String rule) {
        super(field + " = " + value + ": " + rule);
        this.field = field;
        this.value = String.valueOf(value);
        this.rule = rule;
    }

    /** The field name as in presets and JSON (alpha, resolution, classes, rounding, blocks14, ...). */
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
