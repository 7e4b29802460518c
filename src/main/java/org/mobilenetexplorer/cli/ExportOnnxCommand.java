package org.mobilenetexplorer.cli;

import org.mobilenetexplorer.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.onnx.OnnxExporter;
import org.mobilenetexplorer.onnx.OnnxExporter.BatchNormMode;
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
        if (batch < 0) {
            throw new UserInputException("--batch " + batch + ": must be >= 0 (0 = symbolic)");
        }
        ArchitectureSpec arch = ArchitectureSpec.of(config.toConfig());
        if (!OnnxExporter.FAMILIES.contains(arch.config().family())) {
            throw new UserInputException("--family " + arch.config().family().id() + ": the ONNX exporter does not"
                    + " support it yet (v1 only)");
        }
        BatchNormMode mode = batchNorm != null && batchNorm.unfolded ? BatchNormMode.EXPLICIT : BatchNormMode.FOLDED;
        byte[] bytes = OnnxExporter.export(NetworkWeights.generate(arch, seed), new OnnxExporter.Options(mode, batch));
        writeAtomically(out, bytes);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "wrote %s: MobileNet v1 %s, %.1f MB, ONNX IR %d opset %d, batch norm %s, batch %s, weight seed %d%n",
                out, arch.config().label(), bytes.length / 1e6, OnnxExporter.IR_VERSION, OnnxExporter.OPSET,
                mode == BatchNormMode.FOLDED ? "folded" : "explicit", batch == 0 ? "symbolic" : Integer.toString(batch),
                seed);
        return 0;
    }

    /** Temp file in the target's directory, then an atomic move; a bad path is a one-line error. */
    static void writeAtomically(Path target, byte[] bytes) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserInputException("--out " + target + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new UserInputException("--out " + target + ": is a directory");
        }
        try {
            AtomicFiles.write(abs, bytes);
        } catch (IOException e) {
            throw new UserInputException("--out " + target + ": cannot write: " + e.getMessage(), e);
        }
    }
}
