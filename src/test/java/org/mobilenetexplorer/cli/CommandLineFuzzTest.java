package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.mobilenetexplorer.bench.BenchmarkListener;
import org.mobilenetexplorer.bench.BenchmarkOutcome;
import org.mobilenetexplorer.bench.BenchmarkRequest;
import org.mobilenetexplorer.bench.BenchmarkRunner;
import org.mobilenetexplorer.bench.CancellationToken;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.bench.VerifyOutcome;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import picocli.CommandLine;

/**
 * Fuzzes the whole command line (issue 12, item 10): every command with any arguments must end in a result or our
 * own one-line error, with an exit code of the documented set (0 done, 1 a run or check failed, 2 bad input), never
 * an uncaught exception. The input is text, one argument per line (the first names the command), so every regression
 * input in {@code src/test/resources/org/mobilenetexplorer/cli/CommandLineFuzzTestInputs/commandLine/} is readable
 * and every finding is a plain test. {@code TMP} in an argument is a temporary folder.
 *
 * <p>Nothing is benchmarked: the {@link Workers} of the command line answer every run with "not run" (exit 1), so
 * each command is checked up to the point where a worker would start. Outputs go to the temporary folder only: an
 * input whose {@code --out} or {@code --results} names another place is parsed but not run; the default results
 * folder is the temporary one. An INT8 export of a network over {@value #INT8_EXPORT_MACS} MACs (its calibration runs
 * the plain-Java reference for minutes) is parsed, not run.
 */
class CommandLineFuzzTest {
    static final long INT8_EXPORT_MACS = 100_000_000L;
    private static final Set<Integer> EXIT_CODES = Set.of(0, 1, 2);
    private static final Path TMP;

    static {
        try {
            TMP = Files.createTempDirectory("mnx-cli-fuzz");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs and benchmarks nothing. */
    static final Workers NOT_RUN = new Workers() {
        @Override
        public BenchmarkRunner runner(boolean inProcess) {
            return (request, listener, cancel) -> {
                BenchmarkOutcome o = new BenchmarkOutcome.Failed(request, "not run (fuzzing)");
                listener.failed(request, "not run (fuzzing)");
                listener.configurationDone(o);
                return o;
            };
        }

        @Override
        public VerifyOutcome verify(BenchmarkRequest request, boolean inProcess, CancellationToken cancel) {
            return new VerifyOutcome.Failed("not run (fuzzing)");
        }
    };

    @FuzzTest(maxDuration = "5m")
    void commandLine(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
        String[] args = lines.stream().map(a -> a.replace("TMP", TMP.toString())).toArray(String[]::new);
        if (!safeToRun(args)) {
            return;
        }
        String old = System.getProperty(ResultStore.DIRECTORY_PROPERTY);
        System.setProperty(ResultStore.DIRECTORY_PROPERTY, TMP.resolve("results").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            code = MainCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), NOT_RUN)
                    .execute(args);
        } finally {
            if (old == null) {
                System.clearProperty(ResultStore.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(ResultStore.DIRECTORY_PROPERTY, old);
            }
        }
        String shown = String.join(" ", args) + " -> " + code + "\n" + out + err;
        assertTrue(EXIT_CODES.contains(code), () -> "exit code outside the documented set: " + shown);
        if (code == 2) {
            List<String> errLines = err.toString().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, errLines.size(), () -> "bad input is one line: " + shown);
            assertTrue(errLines.get(0).contains(": "), () -> "names the command and the option or file: " + shown);
        }
    }

    /**
     * False for an input that would write outside the temporary folder, or export an INT8 model of a large network:
     * it is only parsed (a parse error is fine, anything else thrown is a finding).
     */
    static boolean safeToRun(String[] args) {
        CommandLine.ParseResult parsed;
        try {
            parsed = MainCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                    NOT_RUN).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return true; // execute() refuses it the same way, before anything runs
        }
        CommandLine.ParseResult sub = parsed.subcommand();
        if (sub == null) {
            return true;
        }
        for (String option : List.of("--out", "--results")) {
            if (sub.hasMatchedOption(option)) {
                Object v = sub.matchedOptionValue(option, null);
                if (v == null || !Path.of(v.toString()).toAbsolutePath().normalize().startsWith(TMP)) {
                    return false;
                }
            }
        }
        if (sub.commandSpec().name().equals("export-onnx") && sub.hasMatchedOption("--precision")) {
            try {
                double alpha = sub.matchedOptionValue("--alpha", 1.0);
                int resolution = sub.matchedOptionValue("--resolution", 224);
                return NetworkStats.of(new MobileNetConfig(alpha, resolution)).totals().macs() <= INT8_EXPORT_MACS;
            } catch (IllegalArgumentException e) {
                return true;
            }
        }
        return true;
    }
}
