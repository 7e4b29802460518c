package org.mobilenetexplorer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mobilenetexplorer.bench.BackendVerifier;
import org.mobilenetexplorer.bench.Backends;
import org.mobilenetexplorer.bench.InProcessRunner;
import org.mobilenetexplorer.bench.InferenceBackend;
import org.mobilenetexplorer.bench.BenchmarkRequest;
import org.mobilenetexplorer.bench.CancellationToken;
import org.mobilenetexplorer.bench.ForkedVerifier;
import org.mobilenetexplorer.bench.InvalidSettingException;
import org.mobilenetexplorer.bench.Precisions;
import org.mobilenetexplorer.bench.ProtocolSettings;
import org.mobilenetexplorer.bench.VerifyOutcome;
import org.mobilenetexplorer.bench.dl4j.Dl4jBackend;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.reference.OutputComparison;
import org.mobilenetexplorer.reference.QuantizedComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: runs each backend on the same seeded weights and input and compares its softmax with the plain-Java
 * double-precision reference forward pass, each backend in a worker JVM under the memory guard as {@code bench} runs
 * it ({@link ForkedVerifier}). One line per backend; a refusal, backend error or native abort is that backend's
 * {@code ERROR} line with the reason; exit 1 when any is beyond tolerance or fails, 130 when interrupted.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check inference backends against the plain-Java double-precision reference forward pass:",
            "max |softmax difference| and top-5 agreement on the same seeded weights and input.",
            "--precision int8: the INT8 model against the FP32 reference by cosine similarity of the logits and top-5 "
                    + "agreement over several images."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    MainCommand main;

    @Mixin
    ConfigOptions config;

    @Option(names = "--backends", paramLabel = "ID[,ID...]", split = ",", defaultValue = "onnxruntime,dl4j",
            description = "Backends to check. Default: ${DEFAULT-VALUE}.")
    List<String> backends;

    @Option(names = "--graph", paramLabel = "folded|unfolded",
            description = "Batch norm folded into the convolutions or separate (both backends). Default: each backend's.")
    String graph;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads, 0 = all cores, at most " + ProtocolSettings.MAX_THREADS + ". Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Weight seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--input-seed", paramLabel = "N", defaultValue = "7", description = "Input seed. Default: ${DEFAULT-VALUE}.")
    long inputSeed;

    @Option(names = "--batch", paramLabel = "N", description = "Images per run, 1.." + OptionLimits.MAX_VERIFY_BATCH
            + ". Default: 1 (fp32), " + INT8_IMAGES + " (int8).")
    Integer batchOption;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-4",
            description = "fp32: largest allowed |softmax difference|. Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--min-cosine", paramLabel = "C", defaultValue = "" + QuantizedComparison.DEFAULT_MIN_COSINE,
            description = "int8: smallest allowed cosine similarity of each image's centered logits with the FP32 "
                    + "reference (and each reference top-1 must be in the INT8 top-5). Default: ${DEFAULT-VALUE}.")
    double minCosine;

    /** Images compared by default for INT8 (one image says little about a quantized network). */
    static final int INT8_IMAGES = 4;

    int batch;

    @Option(names = "--in-process", description = "Run the backends in this JVM instead of a forked worker each "
            + "(debugging; a native crash then ends this command, and no memory guard).")
    boolean inProcess;

    @Override
    public Integer call() {
        // ONNX Runtime's session creation crashed (SIGSEGV) on the main thread of a JVM started with a long class
        // path (java -cp target/classes:...): the checks run on a thread with the benchmark runner's stack
        Integer[] result = new Integer[1];
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = verify();
            } catch (RuntimeException | Error e) {
                thrown[0] = e;
            }
        }, "verify", InProcessRunner.STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verify interrupted", e);
        }
        if (thrown[0] instanceof Error e) {
            throw e;
        }
        if (thrown[0] != null) {
            throw (RuntimeException) thrown[0];
        }
        return result[0];
    }

    private Integer verify() {
        Precision p = precision.single();
        batch = batchOption != null ? batchOption : (p == Precision.INT8 ? INT8_IMAGES : 1);
        if (batch < 1 || batch > OptionLimits.MAX_VERIFY_BATCH) {
            throw new OptionValueException("--batch", batch, "must be in 1.." + OptionLimits.MAX_VERIFY_BATCH
                    + " (the plain-Java reference runs every image)");
        }
        if (!(tolerance >= 0 && tolerance <= 1)) {
            throw new OptionValueException("--tolerance", tolerance, "must be in 0..1 (a difference of "
                    + "probabilities)");
        }
        if (!(minCosine > -1 && minCosine <= 1)) {
            throw new OptionValueException("--min-cosine", minCosine, "must be in (-1, 1]");
        }
        if (graph != null && !graph.equals("folded") && !graph.equals("unfolded")) {
            throw new OptionValueException("--graph", graph, "must be folded or unfolded");
        }
        List<String> ids = new ArrayList<>(BackendIds.list("--backends",
                OptionLimits.nonEmpty("--backends", backends)));
        if (p == Precision.INT8) {
            if (backendsGiven()) {
                ids.forEach(id -> PrecisionOption.checkBackend("--backends", id, p));
            }
            ids.remove(Dl4jBackend.ID); // the default list: INT8 checks ONNX Runtime only
        }
        MobileNetConfig config = this.config.toConfig();
        Map<String, String> extra = new LinkedHashMap<>();
        if (graph != null) {
            extra.put("graph", graph);
        }
        ProtocolSettings protocol;
        try {
            protocol = Precisions.with(ProtocolSettings.builder().weightSeed(seed).inputSeed(inputSeed).batch(batch)
                    .threads(threads).backendOptions(extra).build(), p);
        } catch (InvalidSettingException e) {
            throw new OptionValueException("--" + e.field(), e.value(), e.rule());
        }
        PrintWriter out = spec.commandLine().getOut();
        CancellationToken cancel = new CancellationToken();
        boolean ok = true;
        try (Interruption interruption = new Interruption(cancel::cancel)) {
            for (String id : ids) {
                BenchmarkRequest request = new BenchmarkRequest(config, id, protocol);
                VerifyOutcome outcome = Workers.of(main).verify(request, inProcess, cancel);
                if (outcome instanceof VerifyOutcome.Checked c) {
                    out.println(line(config, c.verdict(), tolerance));
                    ok &= c.verdict().passes(tolerance);
                } else if (outcome instanceof VerifyOutcome.CheckedQuantized q) {
                    out.println(quantizedLine(config, q.verdict(), minCosine));
                    ok &= q.verdict().passes(minCosine);
                } else if (outcome instanceof VerifyOutcome.Failed f) {
                    out.printf(Locale.ROOT, "%-12s %s%s  ERROR %s%n", id, config.label(),
                            p == Precision.INT8 ? " int8" : "", f.message());
                    ok = false;
                } else {
                    out.flush();
                    spec.commandLine().getErr().println("verify: cancelled");
                    return 130;
                }
                out.flush();
            }
        }
        return ok ? 0 : 1;
    }

    private boolean backendsGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--backends");
    }

    static String quantizedLine(MobileNetConfig config, BackendVerifier.QuantizedVerdict v, double minCosine) {
        QuantizedComparison c = v.comparison();
        return String.format(Locale.ROOT,
                "%-12s %s int8  cos(logits) min %.5f mean %.5f  top-1 %d/%d  top-5 sets %d/%d  ref top-1 in top-5 %d/%d"
                        + "  (max|dp| %.2e)  %s",
                v.backend(), config.label(), c.minCosine(), c.meanCosine(), c.top1Agree(), c.images(),
                c.top5Agree(), c.images(), c.top1InTop5(), c.images(), c.maxAbsDiff(),
                v.passes(minCosine) ? "OK" : "FAIL (min cosine " + minCosine + ", reference top-1 in top-5)");
    }

    static String line(MobileNetConfig config, BackendVerifier.Verdict v, double tolerance) {
        OutputComparison c = v.comparison();
        return String.format(Locale.ROOT,
                "%-12s %s  max|dp| %.2e  top-5 %d/%d  top-1 %d/%d  (ref top-1 p %.3f, graph %s)  %s",
                v.backend(), config.label(), c.maxAbsDiff(), c.top5Agree(), c.images(), c.top1Agree(), c.images(),
                c.referenceTop1(), v.settings().getOrDefault("graph", "?"),
                v.passes(tolerance) ? "OK" : "FAIL (tolerance " + tolerance + ")");
    }
}
