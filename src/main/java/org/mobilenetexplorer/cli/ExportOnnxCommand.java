package org.mobilenetexplorer.cli;

import org.mobilenetexplorer.io.AtomicFiles;
import org.mobilenetexplorer.io.UserFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mobilenetexplorer.bench.ForkedVerifier;
import org.mobilenetexplorer.bench.ProtocolSettings;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.onnx.OnnxExporter;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.onnx.OnnxExporter.BatchNormMode;
import org.mobilenetexplorer.onnx.QdqExporter;
import org.mobilenetexplorer.reference.ActivationCalibration;
import org.mobilenetexplorer.reference.NetworkWeights;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export-onnx}: the configuration as an ONNX model file with seeded random weights. */
@Command(name = "export-onnx", mixinStandardHelpOptions = true,
        description = {"Write the configuration as an ONNX model (opset " + OnnxExporter.OPSET
                + ", input 'input' NCHW [batch,3,H,W] in [-1,1], output 'softmax') with seeded random weights.",
            "Latency does not depend on weight values; the weights are not trained."})
public final class ExportOnnxCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (.onnx); written atomically.")
    Path out;

    @ArgGroup(exclusive = true)
    BatchNormChoice batchNorm;

    static final class BatchNormChoice {
        @Option(names = "--folded", description = "Fold batch norm into the convolutions (default).")
        boolean folded;

        @Option(names = "--unfolded", description = "Keep BatchNormalization nodes (the network as trained).")
        boolean unfolded;
    }

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Weight seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "0",
            description = "Fixed batch size, or 0 for a symbolic 'batch' dimension. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Override
    public Integer call() {
        if (batch < 0 || batch > ProtocolSettings.MAX_BATCH) {
            throw new OptionValueException("--batch", batch, "must be in 0.." + ProtocolSettings.MAX_BATCH
                    + " (0 = symbolic)");
        }
        checkOut("--out", out);
        ArchitectureSpec arch = ArchitectureSpec.of(config.toConfig());
        BatchNormMode mode = batchNorm != null && batchNorm.unfolded ? BatchNormMode.EXPLICIT : BatchNormMode.FOLDED;
        Precision p = precision.single();
        if (p == Precision.INT8) { // the calibration runs the reference forward pass in this JVM: refuse what cannot fit
            NetworkStats stats = NetworkStats.of(arch.config());
            long need = ForkedVerifier.referenceHeapBytes(stats, 1) + 12L * stats.totals().params();
            Runtime r = Runtime.getRuntime();
            long available = r.maxMemory() - (r.totalMemory() - r.freeMemory());
            if (need > available) {
                throw new UserInputException(String.format(Locale.ROOT, "--precision int8: calibrating %s runs the "
                        + "reference forward pass, which needs about %.1f GB of memory, %.1f GB available (raise -Xmx"
                        + " in JAVA_OPTS, or export a smaller alpha or resolution)", arch.config().label(), need / 1e9,
                        available / 1e9));
            }
        }
        NetworkWeights weights = NetworkWeights.generate(arch, seed);
        OnnxExporter.Options options = new OnnxExporter.Options(mode, batch);
        byte[] bytes = switch (p) {
            case FP32 -> OnnxExporter.export(weights, options);
            case INT8 -> QdqExporter.export(weights, options);
        };
        writeAtomically(out, bytes);
        String what = switch (p) {
            case FP32 -> "batch norm " + (mode == BatchNormMode.FOLDED ? "folded" : "explicit");
            case INT8 -> "INT8 QDQ (batch norm folded, " + ActivationCalibration.METHOD + " calibration over "
                    + ActivationCalibration.imagesFor(arch) + " images)";
        };
        spec.commandLine().getOut().printf(Locale.ROOT,
                "wrote %s: MobileNet %s, %.1f MB, ONNX IR %d opset %d, %s, batch %s, weight seed %d%n",
                out, (arch.config().family() == Family.V1 ? "v1 " : "") + arch.config().label(), bytes.length / 1e6,
                OnnxExporter.IR_VERSION, OnnxExporter.OPSET, what, batch == 0 ? "symbolic" : Integer.toString(batch),
                seed);
        return 0;
    }

    /** Temp file in the target's directory, then an atomic move; a bad path is a one-line error. */
    static void writeAtomically(Path target, byte[] bytes) {
        try {
            AtomicFiles.write(target, bytes);
        } catch (IOException e) {
            throw new UserInputException("--out " + target + ": " + UserFiles.reason(e), e);
        }
    }

    /** Refuses an --out that cannot be written before the model is built. */
    static void checkOut(String option, Path target) {
        if (target.toString().isBlank()) { // "" is the current folder to Path: say what was given
            throw new UserInputException(option + " (empty): give a file name");
        }
        try {
            AtomicFiles.checkWritable(target);
        } catch (IOException e) {
            throw new UserInputException(option + " " + target + ": " + UserFiles.reason(e), e);
        }
    }
}
