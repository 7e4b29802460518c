package org.mobilenetexplorer.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An aligned plain-text table: a header, a rule, body rows and optional footer rows under a second rule.
 * Columns are separated by two spaces; widths come from the content.
 */
final class TextTable {
    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<Align> aligns;
    private final List<String[]> body = new ArrayList<>();
    private final List<String[]> footer = new ArrayList<>();

    TextTable(List<String> headers, List<Align> aligns) {
        if (headers.size() != aligns.size()) {
            throw new IllegalArgumentException("headers and alignments differ in length");
        }
        this.headers = List.copyOf(headers);
        this.aligns = List.copyOf(aligns);
    }

    TextTable row(String... cells) {
        body.add(check(cells));
        return this;
    }

    TextTable footer(String... cells) {
        footer.add(check(cells));
        return this;
    }

    private String[] check(String[] cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table " + headers.size());
        }
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = TerminalText.escape(cells[i]); // widths of what is printed
        }
        return out;
    }

    /** Renders the table; each line ends with a newline and carries no trailing blanks. */
    String render() {
        int n = headers.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = headers.get(i).length();
        }
        for (List<String[]> rows : List.of(body, footer)) {
            for (String[] r : rows) {
                for (int i = 0; i < n; i++) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
        }
        int total = 0;
        for (int x : w) {
            total += x;
        }
        total += GAP.length() * (n - 1);
        String rule = "-".repeat(total) + "\n";
        StringBuilder sb = new StringBuilder();
        line(sb, headers.toArray(String[]::new), w);
        sb.append(rule);
        for (String[] r : body) {
            line(sb, r, w);
        }
        if (!footer.isEmpty()) {
            sb.append(rule);
            for (String[] r : footer) {
                line(sb, r, w);
            }
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, String[] cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                l.append(GAP);
            }
            String c = cells[i];
            String pad = " ".repeat(w[i] - c.length());
            l.append(aligns.get(i) == Align.LEFT ? c + pad : pad + c);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
