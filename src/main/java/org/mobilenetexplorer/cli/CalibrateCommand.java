package org.mobilenetexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.io.AtomicFiles;
import org.mobilenetexplorer.io.UserFiles;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.predict.CalibrationGrid;
import org.mobilenetexplorer.predict.Calibrator;
import org.mobilenetexplorer.predict.DeviceProfile;
import org.mobilenetexplorer.predict.DeviceProfiles;
import org.mobilenetexplorer.predict.LatencyFitter;
import org.mobilenetexplorer.predict.LatencyModel;
import org.mobilenetexplorer.predict.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calibrate}: measures this machine's kernels for the latency predictor. Every configuration of the
 * calibration grid runs in its own worker JVM with the per-layer profile; the device profile is written atomically
 * at the end, so Ctrl-C (or a failure) leaves the previous profile, if any, untouched.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Measure this machine's kernels for `predict`: the calibration grid (default 68 networks: v1 "
                + "at 8 widths, v2, v3-large and v3-small at 4 each, x resolution 96,160,224, and both minimalistic "
                + "v3 at 2 widths x 96,224), each network in a worker JVM with its per-layer profile (about 5 min "
                + "for onnxruntime on a quiet 2-core machine).",
            "Writes the device profile <results>/device-profiles/<backend>-<precision>.json (atomically; Ctrl-C "
                + "writes nothing)."})
public final class CalibrateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    MainCommand main;

    @Mixin
    BackendOption backend;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "fp32",
            description = "Numeric precision: fp32 (the only one the backends run today). Default: ${DEFAULT-VALUE}.")
    String precision;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Results directory (the profile goes to its device-profiles/ folder). Default: "
                    + "~/.mobilenet-explorer/results (or -D" + ResultStore.DIRECTORY_PROPERTY + ", $"
                    + ResultStore.DIRECTORY_ENV + ").")
    Path results;

    @Option(names = "--families", paramLabel = "F,...", split = ",",
            description = "Families to calibrate: v1, v2, v3-large, v3-small. Default: all (`predict` refuses a "
                    + "family the profile has no networks of).")
    List<String> families;

    @Option(names = "--alphas", paramLabel = "A,...", split = ",",
            description = "Widths for every family calibrated, instead of each family's defaults (v1: "
                    + "0.25,0.3,0.4,0.5,0.65,0.75,0.85,1.0; v2: 0.5,0.75,1.0,1.4; v3: 0.5,0.75,1.0,1.25).")
    List<Double> alphas;

    @Option(names = "--resolutions", paramLabel = "PX,...", split = ",",
            description = "Resolutions for every family calibrated. Default: 96,160,224.")
    List<Integer> resolutions;

    @Option(names = "--in-process", description = "Run in this JVM instead of forked workers (debugging).")
    boolean inProcess;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String id = backend.id();
        Precision p = PredictCommand.precision(precision);
        CalibrationGrid grid = grid(families, alphas, resolutions);
        Path dir = results != null ? results : ResultStore.defaultDirectory();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("--results " + dir + ": is a file (give a directory)");
        }
        Path file = DeviceProfiles.file(dir, id, p);
        // refuse a profile that cannot be written before the whole grid is benchmarked, not after
        try {
            new ResultStore(dir).checkWritable();
            AtomicFiles.checkWritableDirectory(file.getParent(), false);
        } catch (IOException e) {
            throw new UserInputException("--results " + dir + ": " + UserFiles.reason(e), e);
        }
        int total = grid.configs().size();
        stderr.println("calibrate: " + total + " networks x " + Calibrator.ROUNDS + " rounds on " + id + " ("
                + p.id() + "), " + grid.rangeText() + "; profile -> " + file.toAbsolutePath());
        stderr.flush();
        Progress progress = new Progress(stderr, System.console() != null);
        try (BenchmarkEngine engine = new BenchmarkEngine(Workers.of(main).runner(inProcess));
             Interruption interruption = new Interruption(engine)) {
            Calibrator.Outcome<DeviceProfile> outcome = new Calibrator(engine).calibrate(id, p, grid, progress);
            progress.finish();
            if (outcome instanceof Calibrator.Outcome.Cancelled<DeviceProfile> c) {
                stderr.println("calibrate: cancelled after " + c.finished() + " of " + c.total()
                        + " networks; nothing written" + (Files.exists(file) ? " (the previous profile stays)" : ""));
                return 130;
            }
            if (outcome instanceof Calibrator.Outcome.Failed<DeviceProfile> f) {
                f.messages().forEach(m -> stderr.println("calibrate: " + m));
                stderr.println("calibrate: " + f.messages().size() + " network(s) failed; nothing written");
                return 1;
            }
            DeviceProfile profile = ((Calibrator.Outcome.Done<DeviceProfile>) outcome).value();
            DeviceProfiles.write(profile, file);
            LatencyModel model = LatencyFitter.fit(profile);
            PredictReport.calibration(model, file, stdout);
            stdout.flush();
            return 0;
        } catch (IOException e) {
            throw new UserInputException("cannot write the device profile " + file + ": " + e.getMessage(), e);
        }
    }

    static CalibrationGrid grid(List<String> families, List<Double> alphas, List<Integer> resolutions) {
        OptionLimits.nonEmpty("--alphas", alphas);
        OptionLimits.nonEmpty("--resolutions", resolutions);
        java.util.Set<Family> chosen = java.util.EnumSet.noneOf(Family.class);
        if (families == null) {
            chosen.addAll(CalibrationGrid.DEFAULT.families());
        } else {
            for (String id : OptionLimits.nonEmpty("--families", families)) {
                try {
                    chosen.add(Family.fromId(id.strip()));
                } catch (org.mobilenetexplorer.model.InvalidConfigException e) {
                    throw new UserInputException("--families " + id + ": " + Family.RULE);
                }
            }
        }
        if (alphas != null && resolutions != null) { // refused before the grid is built
            OptionLimits.configurations(OptionLimits.values("--alphas", alphas) + " x "
                    + OptionLimits.values("--resolutions", resolutions) + " x "
                    + (families == null ? chosen.size() + " families (default)" : OptionLimits.values("--families",
                    families)),
                    OptionLimits.product(chosen.size(), alphas.size(), resolutions.size()));
        }
        try {
            CalibrationGrid grid = CalibrationGrid.DEFAULT.select(chosen, alphas, resolutions);
            OptionLimits.configurations("--families/--alphas/--resolutions", grid.configs().size());
            return grid;
        } catch (org.mobilenetexplorer.model.InvalidConfigException e) {
            throw new UserInputException((e.field().equals("alpha") ? "--alphas " : "--resolutions ") + e.value()
                    + ": " + e.rule());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--alphas/--resolutions: " + e.getMessage());
        }
    }

    /**
     * One line per finished measurement on stderr (a network in one round: [done/networks x rounds]), with the ETA of
     * the engine's sweep (redrawn on a terminal).
     */
    static final class Progress implements org.mobilenetexplorer.bench.BenchmarkListener {
        private final PrintWriter err;
        private final boolean terminal;
        private int round = -1;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public synchronized void forkStarted(org.mobilenetexplorer.bench.BenchmarkRequest request, int index,
                                             int forks) {
            round = index;
        }

        @Override
        public synchronized void failed(org.mobilenetexplorer.bench.BenchmarkRequest request, String message) {
            err.println((terminal ? "\r\033[K" : "") + "  " + request.label() + " FAILED: " + message);
            err.flush();
        }

        @Override
        public synchronized void sweepProgress(org.mobilenetexplorer.bench.SweepProgress p) {
            String line = String.format(java.util.Locale.ROOT, "  [%d/%d] %s%-22s elapsed %s  ETA %s", p.done(),
                    p.total(), round >= 0 ? "round " + (round + 1) + ": " : "", p.current().config().label(),
                    clock(p.elapsed()), clock(p.remaining()));
            err.print(terminal ? "\r\033[K" + line : line + System.lineSeparator());
            err.flush();
        }

        synchronized void finish() {
            if (terminal) {
                err.println();
                err.flush();
            }
        }

        static String clock(Duration d) {
            long s = d.toSeconds();
            return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
