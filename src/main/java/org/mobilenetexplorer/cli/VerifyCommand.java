package org.mobilenetexplorer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mobilenetexplorer.bench.BackendException;
import org.mobilenetexplorer.bench.BackendOptions;
import org.mobilenetexplorer.bench.BackendVerifier;
import org.mobilenetexplorer.bench.Backends;
import org.mobilenetexplorer.bench.InferenceBackend;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.UnsupportedFamilyException;
import org.mobilenetexplorer.reference.OutputComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: runs each backend on the same seeded weights and input and compares its softmax with the plain-Java
 * double-precision reference forward pass. One line per backend; exit 1 when any is beyond tolerance or fails.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check inference backends against the plain-Java double-precision reference forward pass:",
            "max |softmax difference| and top-5 agreement on the same seeded weights and input."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--backends", paramLabel = "ID[,ID...]", split = ",", defaultValue = "onnxruntime,dl4j",
            description = "Backends to check. Default: ${DEFAULT-VALUE}.")
    List<String> backends;

    @Option(names = "--graph", paramLabel = "folded|unfolded",
            description = "Batch norm folded into the convolutions or separate (both backends). Default: each backend's.")
    String graph;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Threads, 0 = all cores. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Weight seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--input-seed", paramLabel = "N", defaultValue = "7", description = "Input seed. Default: ${DEFAULT-VALUE}.")
    long inputSeed;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1", description = "Images per run. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-4",
            description = "Largest allowed |softmax difference|. Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Override
    public Integer call() {
        if (batch < 1 || batch > 64) {
            throw new UserInputException("--batch " + batch + ": must be in 1..64");
        }
        if (threads < 0) {
            throw new UserInputException("--threads " + threads + ": must be >= 0 (0 = all cores)");
        }
        if (!(tolerance >= 0)) {
            throw new UserInputException("--tolerance " + tolerance + ": must be >= 0");
        }
        if (graph != null && !graph.equals("folded") && !graph.equals("unfolded")) {
            throw new UserInputException("--graph " + graph + ": must be folded or unfolded");
        }
        List<InferenceBackend> chosen = new ArrayList<>();
        for (String id : BackendIds.list("--backends", backends)) {
            chosen.add(Backends.byId(id));
        }
        ArchitectureSpec arch = ArchitectureSpec.of(config.toConfig());
        for (InferenceBackend b : chosen) {
            try {
                b.requireFamily(arch.config());
            } catch (UnsupportedFamilyException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        BackendVerifier verifier = new BackendVerifier(arch, seed, inputSeed, batch);
        Map<String, String> extra = new LinkedHashMap<>();
        if (graph != null) {
            extra.put("graph", graph);
        }
        BackendOptions options = new BackendOptions(threads, extra);
        boolean ok = true;
        for (InferenceBackend b : chosen) {
            try {
                BackendVerifier.Verdict v = verifier.check(b, options);
                out.println(line(arch, v, tolerance));
                ok &= v.passes(tolerance);
            } catch (BackendException | RuntimeException e) {
                out.printf(Locale.ROOT, "%-12s %s  ERROR %s%n", b.id(), arch.config().label(), e.getMessage());
                ok = false;
            }
            out.flush();
        }
        return ok ? 0 : 1;
    }

    static String line(ArchitectureSpec arch, BackendVerifier.Verdict v, double tolerance) {
        OutputComparison c = v.comparison();
        return String.format(Locale.ROOT,
                "%-12s %s  max|dp| %.2e  top-5 %d/%d  top-1 %d/%d  (ref top-1 p %.3f, graph %s)  %s",
                v.backend(), arch.config().label(), c.maxAbsDiff(), c.top5Agree(), c.images(), c.top1Agree(), c.images(),
                c.referenceTop1(), v.settings().getOrDefault("graph", "?"),
                v.passes(tolerance) ? "OK" : "FAIL (tolerance " + tolerance + ")");
    }
}
