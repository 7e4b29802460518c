package org.mobilenetexplorer.bench;

import org.mobilenetexplorer.model.InvalidValueException;

/**
 * A benchmark setting or result field out of range. Carries the field, the offending value and the rule, so a
 * caller names the value where it came from (the command line option, the file) without reading the message back.
 */
public final class InvalidSettingException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String field, Object value, String rule) {
        super(field, value, rule);
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
