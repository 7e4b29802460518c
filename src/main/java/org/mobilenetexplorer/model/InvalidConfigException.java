package org.mobilenetexplorer.model;

/**
 * A configuration value out of range. Carries the field, the offending value and the rule, so callers can
 * prefix where it came from ({@code presets/x.json: configs[2].}, {@code --alpha}).
 */
public final class InvalidConfigException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String field, Object value, String rule) {
        super(field, value, rule);
    }
}
