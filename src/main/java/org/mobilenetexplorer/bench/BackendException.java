package org.mobilenetexplorer.bench;

/** A backend could not start, build or run a network; the message says what and why. */
public class BackendException extends Exception {
    private static final long serialVersionUID = 1L;

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
