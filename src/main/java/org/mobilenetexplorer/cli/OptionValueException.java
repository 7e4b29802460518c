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
        super(option + " " + shown(value) + ": " + rule);
        this.option = option;
        this.value = String.valueOf(value);
        this.rule = rule;
    }

    /** Longest value a message shows in full; a longer one is cut, with its length. */
    static final int SHOWN_CHARACTERS = 80;

    /** {@code value} for a one-line message: as given, or its first characters and its length when long. */
    static String shown(Object value) {
        String s = String.valueOf(value);
        return s.length() <= SHOWN_CHARACTERS ? s
                : s.substring(0, SHOWN_CHARACTERS) + "... (" + s.length() + " characters)";
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
