package org.mobilenetexplorer.preset;

/**
 * A preset file that cannot be used. The message is one line naming the file and, where it applies, the field
 * path, the value and the rule ({@code presets/x.json: configs[2].alpha = -0.5: must be in (0, 4]}) or the line
 * and column of malformed JSON.
 */
public final class PresetException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;

    public PresetException(String file, String detail) {
        super(file + ": " + detail);
        this.file = file;
    }

    public PresetException(String file, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
        this.file = file;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }
}
