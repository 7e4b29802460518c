package org.mobilenetexplorer.cli;

import java.util.ArrayList;
import java.util.List;
import org.mobilenetexplorer.bench.dl4j.Dl4jBackend;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.Precision;
import picocli.CommandLine.Option;

/**
 * {@code --precision fp32|int8} (a picocli {@code @Mixin}; {@code sweep}, {@code tradeoff} and {@code chart} accept a
 * comma-separated list). Default fp32.
 */
public final class PrecisionOption {

    @Option(names = "--precision", paramLabel = "fp32|int8", split = ",",
            description = "Numeric precision: fp32 (default) or int8 (ONNX Runtime only: QDQ model with per-channel "
                    + "int8 weights and calibrated uint8 activations).")
    List<String> precisions;

    /** True when {@code --precision} was given. */
    public boolean given() {
        return precisions != null && !precisions.isEmpty();
    }

    /** Every precision given, in order, without repeats; FP32 when none was given. */
    public List<Precision> all() {
        OptionLimits.nonEmpty("--precision", precisions);
        if (!given()) {
            return List.of(Precision.FP32);
        }
        List<Precision> out = new ArrayList<>();
        for (String p : precisions) {
            Precision parsed = parse(p);
            if (!out.contains(parsed)) {
                out.add(parsed);
            }
        }
        return List.copyOf(out);
    }

    /** The one precision of a command that runs a single model. */
    public Precision single() {
        List<Precision> all = all();
        if (all.size() > 1) {
            throw new UserInputException("--precision " + String.join(",", precisions) + ": give one precision "
                    + "(fp32 or int8) for this command");
        }
        return all.get(0);
    }

    static Precision parse(String id) {
        try {
            return Precision.fromId(id);
        } catch (InvalidConfigException e) {
            throw new UserInputException("--precision " + id + ": must be fp32 or int8");
        }
    }

    /** Refuses DL4J with INT8 in one line (exit 2). */
    static void checkBackend(String option, String backend, Precision precision) {
        if (precision == Precision.INT8 && backend.equals(Dl4jBackend.ID)) {
            throw new UserInputException(option + " dl4j --precision int8: " + Dl4jBackend.REFUSE_INT8);
        }
    }
}
