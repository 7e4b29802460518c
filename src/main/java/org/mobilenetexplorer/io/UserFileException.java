package org.mobilenetexplorer.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A user file that {@link UserFiles} would not read: not found, permission denied, not a regular file, over its size
 * limit, not UTF-8. The message is {@code <file>: <reason>}; readers wrap {@link #reason()} into their own exception
 * so every reader says the same thing. Subclasses name a reader's own refusals (what the content was, not just the
 * bytes) with the same message shape.
 */
public class UserFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public UserFileException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
