package org.mobilenetexplorer.accuracy;

/**
 * A user accuracy file that cannot be used. The message is one line naming the file, the line and the field
 * with its value: {@code my.csv: line 3: top1 = abc: must be a number in [0, 100]}.
 */
public final class AccuracyImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;

    public AccuracyImportException(String file, int line, String field, String detail) {
        super(file + (line > 0 ? ": line " + line : "") + ": " + (field == null ? "" : field + " ") + detail);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** The field (column or JSON key), or null. */
    public String field() {
        return field;
    }
}
