package org.mobilenetexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.BenchmarkListener;
import org.mobilenetexplorer.bench.BenchmarkOutcome;
import org.mobilenetexplorer.bench.BenchmarkRequest;
import org.mobilenetexplorer.bench.Phase;
import org.mobilenetexplorer.bench.Precisions;
import org.mobilenetexplorer.bench.ProtocolSettings;
import org.mobilenetexplorer.bench.ResultSaver;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.bench.SweepProgress;
import org.mobilenetexplorer.bench.SweepReport;
import org.mobilenetexplorer.io.Decimals;
import org.mobilenetexplorer.io.UserFiles;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.PresetException;
import org.mobilenetexplorer.preset.PresetLoader;
import org.mobilenetexplorer.preset.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: many configurations (a preset or an alpha x resolution grid) on one or more backends, one worker JVM
 * each, strictly one after another. Every result is saved the moment it completes, so Ctrl-C (which cancels and
 * kills the running worker) keeps all finished results. A progress bar with ETA on stderr, a table on stdout.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Benchmark many configurations: --preset FILE, or a grid --alphas A,... --resolutions PX,....",
            "--precision fp32,int8 runs both precisions of each configuration back to back (one series each).",
            "Each result is saved as JSON in --results DIR as soon as it completes; Ctrl-C keeps every finished "
                + "result."})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    MainCommand main;

    @Option(names = "--preset", paramLabel = "FILE",
            description = "A preset JSON file, or the name of a bundled preset (e.g. slim-grid-16).")
    String preset;

    @Option(names = "--alphas", paramLabel = "A,...", split = ",",
            description = "Grid of width multipliers, e.g. 1.0,0.75,0.5,0.25 (with --resolutions).")
    List<String> alphas;

    @Option(names = "--resolutions", paramLabel = "PX,...", split = ",",
            description = "Grid of resolutions, e.g. 224,192,160,128 (with --alphas).")
    List<String> resolutions;

    @Option(names = "--family", paramLabel = "F[,F...]", split = ",",
            description = "Families of the grid: v1, v2, v3-large, v3-small (each runs every alpha and resolution)."
                    + " Default: v1. Presets carry their own.")
    List<String> families;

    @Option(names = "--minimalistic",
            description = "V3 grids: the minimalistic variant (no squeeze-and-excite, no h-swish, 3x3 kernels only).")
    boolean minimalistic;

    @Mixin
    ProtocolOptions protocol;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--backend", paramLabel = "ID[,ID...]", split = ",", defaultValue = "onnxruntime",
            description = "Backends, each runs every configuration. Default: ${DEFAULT-VALUE}.")
    List<String> backends;

    @Mixin
    ResultsOption results;

    /** Before issue 10 the results directory of {@code sweep} was {@code --out DIR}; still read, with a note. */
    @Option(names = "--out", paramLabel = "DIR", hidden = true,
            description = "Deprecated: the old name of --results.")
    Path deprecatedOut;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<PresetEntry> configs = configs();
        List<String> ids = BackendIds.list("--backend", backends);
        ProtocolSettings settings = protocol.toSettings();
        OptionLimits.configurations("the configurations (" + configs.size() + ") x " + OptionLimits.values(
                "--backend", ids) + " x " + OptionLimits.values("--precision", precision.all()),
                OptionLimits.product(configs.size(), ids.size(), precision.given() ? precision.all().size() : 1));
        List<BenchmarkRequest> requests = new ArrayList<>();
        // the precisions of one configuration run back to back (interleaved), so a busy machine affects both alike
        for (String id : ids) {
            for (PresetEntry e : configs) {
                for (Precision p : precision.given() ? precision.all() : List.of(e.precisionOrDefault())) {
                    PrecisionOption.checkBackend("--backend", id, p);
                    requests.add(new BenchmarkRequest(e.config(), id, Precisions.with(settings, p)));
                }
            }
        }
        Path dir = resultsDirectory();
        ResultStore store = new ResultStore(dir);
        String option = deprecatedOut != null ? "--out" : "--results"; // the refusal names the option given
        try { // before any benchmark runs: a folder that cannot take the results is refused now
            store.checkWritable();
        } catch (IOException e) {
            throw new UserInputException(option + " " + dir + ": " + UserFiles.reason(e), e);
        }
        if (deprecatedOut != null) { // after the checks: a refusal stays one line
            stderr.println("sweep: --out DIR is deprecated: use --results DIR (the same option as bench, tradeoff "
                    + "and chart)");
            stderr.flush();
        }
        List<String> saveErrors = new CopyOnWriteArrayList<>();
        ResultSaver saver = new ResultSaver(store, saveErrors::add);
        ProgressBar bar = new ProgressBar(stderr, System.console() != null, requests.size());
        stderr.println("sweep: " + requests.size() + " benchmark(s)"
                + (settings.forks() > 1 ? " x " + settings.forks() + " forks" : "") + ", results in "
                + dir.toAbsolutePath());
        if (protocol.inProcess() && settings.forks() > 1) {
            stderr.println("sweep: --in-process: the " + settings.forks()
                    + " forks run one after the other in this JVM, not in fresh JVMs");
        }
        try (BenchmarkEngine engine = new BenchmarkEngine(Workers.of(main).runner(protocol.inProcess()));
             Interruption interruption = new Interruption(engine)) {
            SweepReport report = engine.sweep(requests, BenchmarkListener.composite(saver, bar));
            bar.finish();
            BenchReport.sweepTable(report.outcomes(), stdout);
            stdout.println(BenchReport.f("%d of %d completed, %d failed, %s%s; %s", report.results().size(),
                    report.requested(), report.failures().size(), ProgressBar.clock(report.elapsed()),
                    report.cancelled() ? ", CANCELLED (finished results kept)" : "",
                    saver.saved().isEmpty() ? "nothing saved" : saver.saved().size() + " saved in " + dir));
            stdout.flush();
            for (String e : saveErrors) {
                stderr.println("sweep: " + e);
            }
            if (report.cancelled()) {
                return 130;
            }
            return report.failures().isEmpty() && saveErrors.isEmpty() ? 0 : 1;
        }
    }

    /** --results DIR, or the deprecated --out DIR (noted on stderr once the folder is checked), or the default. */
    private Path resultsDirectory() {
        if (deprecatedOut == null) {
            return results.directory();
        }
        if (results.results != null) {
            throw new OptionValueException("--out", deprecatedOut, "the deprecated name of --results: give only "
                    + "--results " + results.results);
        }
        return ResultsOption.directory("--out", deprecatedOut);
    }

    private List<PresetEntry> configs() {
        OptionLimits.nonEmpty("--alphas", alphas);
        OptionLimits.nonEmpty("--resolutions", resolutions);
        OptionLimits.nonEmpty("--family", families);
        OptionLimits.nonEmpty("--backend", backends);
        boolean grid = alphas != null || resolutions != null;
        if (preset != null && grid) {
            throw new OptionValueException("--preset", preset, "give either --preset or --alphas with "
                    + "--resolutions, not both");
        }
        if (preset != null && (families != null || minimalistic)) {
            throw new UserInputException("--preset " + preset + ": a preset names its families; --family and"
                    + " --minimalistic apply to a grid");
        }
        if (preset != null) {
            return loadPreset(preset).configs();
        }
        if (alphas == null || resolutions == null) {
            throw new UserInputException(alphas == null && resolutions == null
                    ? "configurations missing: give --preset FILE, or --alphas A,... with --resolutions PX,..."
                    : (alphas == null ? "--alphas" : "--resolutions") + " missing: a grid needs both --alphas and "
                    + "--resolutions");
        }
        List<Family> fams = new ArrayList<>();
        for (String f : families == null ? List.of(Family.V1.id()) : families) {
            try {
                fams.add(Family.fromId(f.trim()));
            } catch (InvalidConfigException e) {
                throw new UserInputException("--family " + f + ": " + e.rule());
            }
        }
        OptionLimits.configurations(OptionLimits.values("--alphas", alphas) + " x "
                + OptionLimits.values("--resolutions", resolutions) + " x " + OptionLimits.values("--family", fams),
                OptionLimits.product(alphas.size(), resolutions.size(), fams.size()));
        List<PresetEntry> out = new ArrayList<>();
        for (Family f : fams) {
            if (minimalistic && !f.hasMinimalistic()) {
                throw new UserInputException("--minimalistic: applies to families v3-large and v3-small only, not "
                        + f.id());
            }
            for (String a : alphas) {
                for (String r : resolutions) {
                    out.add(new PresetEntry(gridConfig(a, r).withFamily(f).withMinimalistic(minimalistic)));
                }
            }
        }
        return out;
    }

    private static MobileNetConfig gridConfig(String alpha, String resolution) {
        String problem = Decimals.problem(alpha.trim());
        if (problem != null) {
            throw new OptionValueException("--alphas", alpha, problem);
        }
        double a = Double.parseDouble(alpha.trim());
        int r;
        try {
            r = Integer.parseInt(resolution.trim());
        } catch (NumberFormatException e) {
            throw new OptionValueException("--resolutions", resolution, "not an integer");
        }
        try {
            return new MobileNetConfig(a, r);
        } catch (InvalidConfigException e) {
            String option = e.field().equals("alpha") ? "--alphas" : "--resolutions";
            throw new OptionValueException(option, e.value(), e.rule());
        }
    }

    private static Preset loadPreset(String name) {
        Path file = Path.of(name);
        try {
            if (!Files.exists(file)) {
                String bundled = name.endsWith(".json") ? name : name + ".json";
                if (Presets.BUNDLED_FILES.contains(bundled)) {
                    return Presets.bundled(bundled);
                }
                throw new OptionValueException("--preset", name, "no such file (bundled presets: "
                        + String.join(", ", Presets.BUNDLED_FILES) + ")");
            }
            return PresetLoader.load(file);
        } catch (PresetException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /** A one-line progress bar with ETA on stderr (redrawn in place on a terminal, one line per step otherwise). */
    static final class ProgressBar implements BenchmarkListener {
        private static final int WIDTH = 24;
        private final PrintWriter err;
        private final boolean terminal;
        private final int total;
        private SweepProgress last;
        private String fork = "";

        ProgressBar(PrintWriter err, boolean terminal, int total) {
            this.err = err;
            this.terminal = terminal;
            this.total = total;
        }

        @Override
        public synchronized void forkStarted(BenchmarkRequest request, int index, int forks) {
            fork = "fork " + (index + 1) + "/" + forks + " ";
        }

        @Override
        public synchronized void phaseStarted(BenchmarkRequest request, Phase phase) {
            if (terminal) {
                draw(request.label() + ": " + fork + phase.name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '));
            }
        }

        @Override
        public synchronized void failed(BenchmarkRequest request, String message) {
            if (terminal) {
                raw("\r\033[K");
            }
            err.println("sweep: " + request.label() + " FAILED: " + message);
            err.flush();
        }

        @Override
        public synchronized void sweepProgress(SweepProgress progress) {
            last = progress;
            fork = "";
            if (terminal) {
                draw("done " + progress.current().label());
            } else {
                err.println(line("done " + progress.current().label()));
                err.flush();
            }
        }

        private void draw(String what) {
            raw("\r\033[K");
            err.print(line(what));
            err.flush();
        }

        /** The bar's own control sequences bypass the terminal-safe filter (labels in the line do not). */
        private void raw(String controls) {
            if (err instanceof org.mobilenetexplorer.report.TerminalText.SafePrintWriter s) {
                s.printRaw(controls);
            } else {
                err.print(controls);
            }
        }

        String line(String what) {
            int done = last == null ? 0 : last.done();
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            String eta = last == null ? "--:--" : clock(last.remaining());
            String elapsed = last == null ? "0:00" : clock(last.elapsed());
            return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + "  elapsed " + elapsed + "  ETA " + eta + "  " + what;
        }

        synchronized void finish() {
            if (terminal) {
                err.println();
                err.flush();
            }
        }

        static String clock(Duration d) {
            long s = d.toSeconds();
            return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                    : String.format("%d:%02d", s / 60, s % 60);
        }
    }
}
