package org.mobilenetexplorer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertEquals("plain 0.75-192 café", TerminalText.escape("plain 0.75-192 café"));
        assertEquals("\\x1b]0;pwned\\x07\\x1b[2J", TerminalText.escape("\u001b]0;pwned\u0007\u001b[2J"));
        assertEquals("a\\x0ab\\x09c\\x7f\\x9b", TerminalText.escape("a\nb\tc\u007f\u009b"));
        assertEquals("evil\\u202egnp.exe", TerminalText.escape("evil\u202egnp.exe"));
    }

    @Test
    void theWriterKeepsLinesAndTabsAndEscapesTheRest() {
        StringWriter sw = new StringWriter();
        TerminalText.SafePrintWriter w = new TerminalText.SafePrintWriter(sw, true);
        w.print("label\u001b[31m red\tcol\r\nnext\roverwrite\n");
        w.printRaw("\r\u001b[K");
        w.flush();
        assertEquals("label\\x1b[31m red\tcol\r\nnext\\x0doverwrite\n\r\u001b[K", sw.toString());
    }
}
