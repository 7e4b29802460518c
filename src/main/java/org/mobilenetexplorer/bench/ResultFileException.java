package org.mobilenetexplorer.bench;

import java.nio.file.Path;
import org.mobilenetexplorer.io.UserFileException;

/**
 * A result file that cannot be loaded; the message names the file and the reason ({@code <file>: <reason>}, as every
 * {@link UserFileException}).
 */
public final class ResultFileException extends UserFileException {
    private static final long serialVersionUID = 1L;

    public ResultFileException(Path file, String reason) {
        super(file, reason);
    }
}
