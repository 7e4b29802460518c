package org.mobilenetexplorer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.mobilenetexplorer.bench.FakeBackend;

/**
 * The one harness every command line test uses: runs {@link MainCommand} with arguments on string writers and
 * returns the exit code, stdout and stderr. {@link #withFake} also makes the test backend {@code fake} visible.
 */
final class Cli {
    private Cli() {
    }

    /**
     * What a command did.
     *
     * @param code exit code
     * @param out  stdout
     * @param err  stderr
     */
    record Run(int code, String out, String err) {
        /** stderr's lines, without blank ones. */
        java.util.List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Runs the command line with the real backends. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MainCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs the command line with the test backend {@code fake} registered too. */
    static Run withFake(String... args) {
        return FakeBackend.withServices(() -> run(args));
    }
}
