package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** stderr keeps what the user needs: library INFO lines only with --verbose; an explicit -D level wins. */
class LogLevelTest {
    @Test
    void warningsByDefaultInfoWithVerboseAndAnExplicitLevelWins() {
        assertEquals("warn", MainCommand.logLevel(new String[] {"verify", "--backend", "dl4j"}, null));
        assertEquals("info", MainCommand.logLevel(new String[] {"verify", "--verbose"}, null));
        assertEquals("warn", MainCommand.logLevel(new String[] {"analyze", "--", "--verbose"}, ""));
        assertEquals("debug", MainCommand.logLevel(new String[] {"verify", "--verbose"}, "debug"));
    }

    @Test
    void everyCommandAcceptsVerbose() {
        Cli.Run r = Cli.run("analyze", "--verbose", "--alpha", "0.5", "--resolution", "160");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0.5-160"), r.out());
    }
}
