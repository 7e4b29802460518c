package org.mobilenetexplorer.bench;

import java.nio.file.Path;

/** A result file that cannot be loaded; the message names the file and the reason. */
public final class ResultFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public ResultFileException(Path file, String reason) {
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
