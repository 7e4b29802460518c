package org.mobilenetexplorer.cli;

/**
 * A command line option with a bad value: carries the option, the value as given and the rule, printed as one line
 * {@code --min-runs 0: must be >= 1} (exit code 2).
 */
public final class OptionValueException extends UserInputException {
    private static final long serialVersionUID = 1L;

    private final String option;
    private final String value;
    private final String rule;

    public OptionValueException(String option, Object value, String rule) {
        super(option + " " + value + ": " + rule);
        this.option = option;
        this.value = String.valueOf(value);
        this.rule = rule;
    }

    /** The option as typed on the command line, e.g. {@code --min-runs}. */
    public String option() {
        return option;
    }

    /** The value as given. */
    public String value() {
        return value;
    }

    /** What the value must be. */
    public String rule() {
        return rule;
    }
}
