package org.mobilenetexplorer.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.predict.CalibrationGrid;
import org.mobilenetexplorer.predict.Calibrator;
import org.mobilenetexplorer.predict.DeviceProfile;
import org.mobilenetexplorer.predict.DeviceProfiles;
import org.mobilenetexplorer.predict.LatencyFitter;
import org.mobilenetexplorer.predict.LatencyModel;
import org.mobilenetexplorer.predict.PredictionRefusedException;
import org.mobilenetexplorer.predict.Precision;
import org.mobilenetexplorer.predict.Prediction;
import org.mobilenetexplorer.predict.ProfileException;
import org.mobilenetexplorer.predict.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code predict}: the median latency of a configuration on this machine from its device profile ({@code calibrate}),
 * with per-layer predictions and a band; {@code --validate} measures held-out configurations and prints the error of
 * each, MAPE and the share within +-10%.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict the median latency (batch 1) of a configuration on this machine from the device profile "
                + "written by `calibrate`: per-layer kernel predictions + a fitted per-network overhead, with a band.",
            "--validate: measure held-out configurations (off the calibration grid) and print measured vs predicted, "
                + "MAPE and the share within +-10%%."})
public final class PredictCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    MainCommand main;

    @Mixin
    ConfigOptions config;


    @Mixin
    BackendOption backend;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "fp32",
            description = "Numeric precision of the profile: fp32. Default: ${DEFAULT-VALUE}.")
    String precision;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Results directory holding device-profiles/. Default: ~/.mobilenet-explorer/results (or -D"
                    + ResultStore.DIRECTORY_PROPERTY + ", $" + ResultStore.DIRECTORY_ENV + ").")
    Path results;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Use this device profile file instead of the one in the results directory.")
    Path profileFile;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--validate",
            description = "Measure the held-out configurations of the profile's families (20 networks for all four: "
                    + "alphas and resolutions off the calibration grid, minimalistic v3 included; three rounds of one worker "
                    + "JVM each, samples pooled; each family's middle calibration network again, for the machine's "
                    + "drift) and compare with the predictions.")
    boolean validate;

    @Option(names = "--fit", description = "Print the profile's kernel fits and leave-one-network-out errors (what "
            + "calibrate printed) instead of a prediction.")
    boolean fit;

    @Option(names = "--in-process", description = "With --validate: run in this JVM instead of forked workers.")
    boolean inProcess;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        boolean json = switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "table" -> false;
            case "json" -> true;
            default -> throw new UserInputException("--format " + format + ": must be table or json");
        };
        String id = backend.id();
        Precision p = precision(precision);
        config.toConfig(); // the options before the files: a bad --family or --alpha is named, not a missing profile
        Path file = profileFile != null ? profileFile
                : DeviceProfiles.file(results != null ? results : ResultStore.defaultDirectory(), id, p);
        if (profileFile == null && !Files.exists(file)) {
            throw new UserInputException("no device profile for " + id + " " + p.id() + " (" + file
                    + "): run `calibrate --backend " + id + "` first");
        }
        DeviceProfile profile;
        try {
            profile = DeviceProfiles.read(file);
        } catch (ProfileException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        if (!profile.backend().equals(id)) {
            throw new UserInputException(file + ": backend = " + profile.backend() + ": expected " + id
                    + " (--backend)");
        }
        if (profile.precisionValue() != p) {
            throw new UserInputException(file + ": precision = " + profile.precision() + ": expected " + p.id()
                    + " (--precision)");
        }
        org.mobilenetexplorer.model.Family family = config.toConfig().family();
        if (!validate && !fit && !profile.grid().families().contains(family)) {
            throw new UserInputException("--family " + family.id() + ": the device profile " + file
                    + " has no " + family.id() + " networks (" + profile.grid().rangeText() + "): run `calibrate "
                    + "--backend " + id + " --families " + family.id() + "` or without --families");
        }
        LatencyModel model = LatencyFitter.fit(profile);
        if (fit) {
            PredictReport.calibration(model, file, stdout);
            stdout.flush();
            return 0;
        }
        if (validate) {
            if (config.anyGiven()) {
                throw new UserInputException("--validate measures its own held-out configurations: drop --alpha, "
                        + "--resolution and the other configuration options");
            }
            return validate(model, file, json, stdout, stderr);
        }
        Prediction prediction;
        try {
            prediction = model.predict(config.toConfig());
        } catch (PredictionRefusedException e) {
            stderr.println("predict: " + e.getMessage());
            return 1;
        }
        if (json) {
            stdout.println(PredictReport.json(prediction, model, file));
        } else {
            PredictReport.table(prediction, model, file, stdout);
        }
        stdout.flush();
        return 0;
    }

    private int validate(LatencyModel model, Path file, boolean json, PrintWriter stdout, PrintWriter stderr) {
        // the held-out configurations of the families the profile has
        CalibrationGrid grid = CalibrationGrid.HELD_OUT.select(model.profile().grid().families(), null, null);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        stderr.println("predict --validate: measuring " + grid.configs().size() + " held-out configurations x "
                + Calibrator.ROUNDS + " rounds on "
                + model.profile().backend() + " (" + grid.rangeText() + ")");
        stderr.flush();
        CalibrateCommand.Progress progress = new CalibrateCommand.Progress(stderr, System.console() != null);
        try (BenchmarkEngine engine = new BenchmarkEngine(Workers.of(main).runner(inProcess));
             Interruption interruption = new Interruption(engine)) {
            Calibrator.Outcome<Validation> outcome = new Calibrator(engine).validate(model, grid, progress);
            progress.finish();
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            if (outcome instanceof Calibrator.Outcome.Cancelled<Validation>) {
                stderr.println("predict --validate: cancelled");
                return 130;
            }
            if (outcome instanceof Calibrator.Outcome.Failed<Validation> f) {
                f.messages().forEach(m -> stderr.println("predict --validate: " + m));
                return 1;
            }
            Validation v = ((Calibrator.Outcome.Done<Validation>) outcome).value();
            if (json) {
                stdout.println(PredictReport.validationJson(v, model, file, loadBefore, loadAfter));
            } else {
                PredictReport.validation(v, model, file, loadBefore, loadAfter, stdout);
            }
            stdout.flush();
            return 0;
        } catch (PredictionRefusedException e) {
            stderr.println("predict --validate: " + e.getMessage());
            return 1;
        }
    }

    static Precision precision(String text) {
        try {
            return Precision.fromId(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--precision " + text + ": must be fp32 (the only precision the backends "
                    + "run today)");
        }
    }
}
