package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every command's --help: exit 0, no picocli warnings (they go to System.err), no unresolved defaults. */
class HelpTest {

    private static List<String> commands() {
        List<String> names = new ArrayList<>(MainCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).getSubcommands().keySet());
        names.add(""); // the top-level command
        return names;
    }

    @TestFactory
    Stream<DynamicTest> everyHelpIsCleanAndWarningFree() {
        return commands().stream().map(name -> DynamicTest.dynamicTest(name.isEmpty() ? "(top)" : name, () -> {
            PrintStream old = System.err;
            ByteArrayOutputStream stray = new ByteArrayOutputStream();
            Cli.Run r;
            try {
                System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
                r = name.isEmpty() ? Cli.run("--help") : Cli.run(name, "--help");
            } finally {
                System.setErr(old);
            }
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err());
            assertEquals("", stray.toString(StandardCharsets.UTF_8), "picocli printed warnings");
            assertTrue(r.out().contains("Usage: mobilenet-explorer") || name.equals("help"), r.out());
            assertFalse(r.out().isBlank());
            assertFalse(r.out().contains("Default: null"), r.out());
            assertFalse(r.out().contains("${"), r.out());
        }));
    }

    @Test
    void protocolDefaultsComeFromTheSettings() {
        String help = Cli.run("bench", "--help").out().replaceAll("\\s+", " ");
        for (String s : List.of("--min-runs=N Minimum measured runs, 1..1000000 (no phase takes more runs). Default: 20.",
                "--min-time=TIME Minimum measurement time. Default: 2s.",
                "Default: 1m.", "--warmup-runs=N Minimum warm-up runs after the first inference, at most 1000000. Default: 5.",
                "(20 when given without a value). Default: 0 (no profile).", "--forks=N", "--results=DIR")) {
            assertTrue(help.contains(s), s + " in: " + help);
        }
        String sweep = Cli.run("sweep", "--help").out();
        assertTrue(sweep.contains("--results=DIR") && sweep.contains("--forks=N"), sweep);
        assertFalse(sweep.contains("--out"), "the deprecated alias is hidden: " + sweep);
    }
}
