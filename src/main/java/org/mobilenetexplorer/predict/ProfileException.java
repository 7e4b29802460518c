package org.mobilenetexplorer.predict;

import java.nio.file.Path;

/** A device profile that cannot be used; the message is one line naming the file, the field and the value. */
public final class ProfileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ProfileException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
