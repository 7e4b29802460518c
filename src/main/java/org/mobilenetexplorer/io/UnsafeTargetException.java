package org.mobilenetexplorer.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output path that is refused before anything is written: not a regular file (a directory, FIFO, device), a
 * missing directory, a loop of links. The message is one line, {@code <path>: <reason>}.
 */
public final class UnsafeTargetException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public UnsafeTargetException(Path path, String reason) {
        super(path + ": " + reason);
        this.reason = reason;
    }

    /** The reason without the path. */
    public String reason() {
        return reason;
    }
}
