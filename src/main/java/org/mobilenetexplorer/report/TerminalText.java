package org.mobilenetexplorer.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Terminal safety for text that came from files (labels, sources, names, environment strings, error messages that
 * quote a value): control characters are printed as visible escapes, so a preset or result file cannot move the
 * cursor, recolour, retitle or clear the user's terminal, and bidirectional overrides cannot reorder a line.
 * Escaped: C0 controls ({@code \x1b}, {@code \x07}, ...), DEL, C1 controls, the Unicode line and paragraph separators,
 * and the bidirectional embedding, override and isolate characters ({@code \u202e}, ...).
 *
 * <p>{@link #escape} is for one value (tabs and newlines escaped too); {@link SafePrintWriter} is what every command
 * prints through (newlines and tabs pass, everything else above is escaped), with {@link SafePrintWriter#printRaw}
 * for the tool's own deliberate control sequences (the progress bar).
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** True for a character that is printed as an escape. */
    static boolean unsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e'
                || c == '\u200f' || c == '\u061c';
    }

    private static String escapeOf(char c) {
        return c <= 0xff ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.format(Locale.ROOT, "\\u%04x",
                (int) c);
    }

    /** {@code s} with every unsafe character (newlines and tabs included) written as an escape; null stays null. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(escapeOf(c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** A print writer that escapes unsafe characters except newline, tab and a CR that ends a line (CR LF). */
    public static final class SafePrintWriter extends PrintWriter {
        private final Writer raw;

        public SafePrintWriter(Writer out, boolean autoFlush) {
            super(new Filter(out), autoFlush);
            this.raw = out;
        }

        /** Writes {@code s} unfiltered: only for the tool's own control sequences, never for data. */
        public void printRaw(String s) {
            flush();
            try {
                raw.write(s);
                raw.flush();
            } catch (IOException e) {
                setError();
            }
        }
    }

    private static final class Filter extends FilterWriter {
        private boolean pendingCr;

        Filter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            char ch = (char) c;
            if (pendingCr) {
                pendingCr = false;
                out.write(ch == '\n' ? "\r" : "\\x0d");
            }
            if (ch == '\r') {
                pendingCr = true;
            } else if (ch == '\n' || ch == '\t' || !unsafe(ch)) {
                out.write(ch);
            } else {
                out.write(escapeOf(ch));
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(cbuf[i]);
            }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(str.charAt(i));
            }
        }

        @Override
        public void flush() throws IOException {
            if (pendingCr) {
                pendingCr = false;
                out.write("\\x0d");
            }
            out.flush();
        }
    }
}
