package org.mobilenetexplorer.bench;

/**
 * A benchmark setting or result field out of range. Carries the field, the offending value and the rule, so a
 * caller names the value where it came from (the command line option, the file) without reading the message back.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String rule;

    public InvalidSettingException(String field, Object value, String rule) {
        super(field + " = " + value + ": " + rule);
        this.field = field;
        this.value = String.valueOf(value);
        this.rule = rule;
    }

    /** The field as in the JSON files, e.g. {@code minRuns}. */
    public String field() {
        return field;
    }

    /** The offending value. */
    public String value() {
        return value;
    }

    /** What the value must be, e.g. "must be >= 1". */
    public String rule() {
        return rule;
    }

    /** Throws when {@code ok} is false. */
    static void check(boolean ok, String field, Object value, String rule) {
        if (!ok) {
            throw new InvalidSettingException(field, value, rule);
        }
    }

    /** Throws when {@code value} is null. */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidSettingException(field, null, "missing");
        }
        return value;
    }
}
