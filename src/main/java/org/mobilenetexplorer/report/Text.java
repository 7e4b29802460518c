package org.mobilenetexplorer.report;

/** Plain-text helpers for the table views. */
final class Text {
    /** The widest line a table view prints. */
    static final int WIDTH = 120;

    private Text() {
    }

    /** Word-wraps {@code text} to {@link #WIDTH} columns; continuation lines start with {@code indent}. */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
            }
            if (line.length() > 0 && !line.toString().equals(indent)) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append('\n').toString();
    }
}
