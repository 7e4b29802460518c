package org.mobilenetexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mobilenetexplorer.bench.Backends;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.BenchmarkListener;
import org.mobilenetexplorer.bench.BenchmarkOutcome;
import org.mobilenetexplorer.bench.BenchmarkRequest;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.Phase;
import org.mobilenetexplorer.bench.Precisions;
import org.mobilenetexplorer.bench.ResultSaver;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.io.UserFiles;
import org.mobilenetexplorer.model.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: one configuration on one backend, in a forked worker JVM (or {@code --forks N} of them), with the
 * full protocol. A human summary on stdout; the result JSON saved in the results directory (and to {@code --out}). Exit 1 when the benchmark
 * fails, 130 when interrupted.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark one configuration on the local CPU: warm-up, then at least --min-runs runs and "
                + "--min-time, at most --max-time;",
            "median, p90, p99, mean with 95%% CI, CV, throughput, GMAC/s; optional per-layer profile.",
            "Each run is a fresh worker JVM (--forks N: N of them, with the spread between forks); the result is "
                + "saved as JSON (README, \"Benchmarks\")."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    MainCommand main;

    @Mixin
    ConfigOptions config;

    @Mixin
    ProtocolOptions protocol;

    @Mixin
    PrecisionOption precision;

    @Mixin
    BackendOption backend;

    @Mixin
    ResultsOption results;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the result JSON to FILE.")
    Path out;

    @Option(names = "--no-save", description = "Do not save into the results directory.")
    boolean noSave;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String backendId = backend.id();
        Precision p = precision.single();
        PrecisionOption.checkBackend("--backend", backendId, p);
        BenchmarkRequest request = new BenchmarkRequest(config.toConfig(), backendId,
                Precisions.with(protocol.toSettings(), p));
        // refuse what cannot be saved before the benchmark runs, not after
        if (out != null) {
            ExportOnnxCommand.checkOut("--out", out);
        }
        ResultStore store = new ResultStore(results.directory());
        if (!noSave) {
            try {
                store.checkWritable();
            } catch (IOException e) {
                throw new UserInputException("--results " + store.directory() + ": " + UserFiles.reason(e), e);
            }
        }
        List<String> saveProblems = new ArrayList<>();
        ResultSaver saver = new ResultSaver(store, saveProblems::add);
        BenchmarkListener progress = new BenchmarkListener() {
            @Override
            public void forkStarted(BenchmarkRequest r, int index, int forks) {
                stderr.println("bench: " + r.label() + ": fork " + (index + 1) + " of " + forks);
                stderr.flush();
            }

            @Override
            public void phaseStarted(BenchmarkRequest r, Phase phase) {
                stderr.println("bench: " + r.label() + ": " + phase.name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '));
                stderr.flush();
            }
        };
        BenchmarkListener listener = noSave ? progress : BenchmarkListener.composite(progress, saver);
        if (protocol.inProcess() && request.protocol().forks() > 1) {
            stderr.println("bench: --in-process: the " + request.protocol().forks()
                    + " forks run one after the other in this JVM, not in fresh JVMs");
        }
        try (BenchmarkEngine engine = new BenchmarkEngine(Workers.of(main).runner(protocol.inProcess()));
             Interruption interruption = new Interruption(engine)) {
            BenchmarkOutcome outcome = engine.run(request, listener);
            if (outcome instanceof BenchmarkOutcome.Completed c) {
                BenchmarkResult r = c.result();
                BenchReport.summary(r, stdout);
                for (Path file : saver.saved()) {
                    stdout.println("  saved: " + file);
                }
                if (out != null) {
                    ResultStore.write(r, out);
                    stdout.println("  written: " + out);
                }
                stdout.flush();
                if (!saveProblems.isEmpty()) {
                    throw new UserInputException("cannot save the result: " + saveProblems.get(0));
                }
                return 0;
            }
            if (outcome instanceof BenchmarkOutcome.Failed f) {
                stderr.println("bench: " + (f.message().startsWith(request.label()) ? f.message()
                        : request.label() + " failed: " + f.message()));
                return 1;
            }
            stderr.println("bench: " + request.label() + ": cancelled");
            return 130;
        } catch (IOException e) {
            throw new OptionValueException("--out", out, "cannot write: " + e.getMessage());
        }
    }
}
