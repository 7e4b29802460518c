package org.mobilenetexplorer.cli;

/**
 * Bad input found while a command runs (a preset file, a results file, an --out path): printed as one line,
 * exit code 2, no stack trace. The message must name the file, field and value.
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
