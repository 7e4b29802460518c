package org.mobilenetexplorer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Precision;

/**
 * Runs {@code verify}'s check of one backend the way {@code bench} runs a benchmark: in a fresh worker JVM
 * ({@link VerifyWorker}) set up by {@link ForkedRunner} (heap, threads and the backend's process settings), after
 * the {@link MemoryGuard} accepted what the backend and the reference forward pass need. So a configuration or batch
 * too large for the machine is refused with the estimate, and a native abort, crash or out-of-memory inside the
 * backend is that backend's {@link VerifyOutcome.Failed} with the reason (exit code, signal, last output), never
 * the end of the command.
 */
public final class ForkedVerifier {
    /** The reference's speed assumed for the timeout: plain-Java double arithmetic, pessimistic. */
    static final double REFERENCE_MACS_PER_SECOND = 50e6;
    private static final long MB = 1024L * 1024L;

    private final ForkedRunner runner;

    /** Workers with this JVM's java binary and class path. */
    public ForkedVerifier() {
        this(new ForkedRunner());
    }

    /** Workers as {@code runner} starts them (tests: another class path). */
    public ForkedVerifier(ForkedRunner runner) {
        this.runner = runner;
    }

    /** The field of the worker's result file holding the verdict. */
    static String resultField(BenchmarkRequest request) {
        return Precisions.of(request) == Precision.FP32 ? "verdict" : "quantized";
    }

    /**
     * What the worker needs: the backend's estimate ({@link MemoryGuard#estimate}) and, on the heap, the reference
     * forward pass (each image in double precision: a layer's input, output and a block input kept for a residual
     * or squeeze-and-excite, plus room for one more) and its outputs.
     */
    public static MemoryEstimate memory(BenchmarkRequest request) {
        NetworkStats stats = NetworkStats.of(request.config());
        int batch = request.protocol().batch();
        MemoryEstimate m = MemoryGuard.estimate(stats, batch);
        long reference = referenceHeapBytes(stats, batch);
        long heap = m.workerHeapBytes() + ((reference + 64 * MB - 1) / (64 * MB)) * (64 * MB);
        return new MemoryEstimate(m.weightBytes(), m.activationBytes(), m.overheadFactor(), m.nativeBaseBytes(),
                m.totalBytes(), heap);
    }

    /**
     * The heap the plain-Java reference forward pass needs for {@code batch} images of {@code stats}' network: each
     * image in double precision, a layer's input and output and a block input kept for a residual or
     * squeeze-and-excite, plus room for one more, and the outputs.
     */
    public static long referenceHeapBytes(NetworkStats stats, int batch) {
        long largest = stats.layers().stream().mapToLong(LayerStats::outputElements).max().orElse(0);
        int res = stats.config().resolution();
        long input = 3L * res * res;
        return 8L * (4 * largest + input) + 8L * batch * stats.config().classes();
    }

    /** The longest a check may take: start-up, then the backend and the reference at a pessimistic speed. */
    public Duration timeout(BenchmarkRequest request) {
        double macs = (double) NetworkStats.of(request.config()).totals().macs() * request.protocol().batch();
        return runner.startupAllowance().plusSeconds((long) Math.ceil(3 * macs / REFERENCE_MACS_PER_SECOND));
    }

    /** Checks the request's backend in a worker JVM; {@code cancel} kills it. */
    public VerifyOutcome verify(BenchmarkRequest request, CancellationToken cancel) {
        MemoryEstimate memory = memory(request);
        Optional<String> refusal = MemoryGuard.refusal(memory, MemoryGuard.availableBytes(),
                request.label() + " with the reference forward pass");
        if (refusal.isPresent()) {
            return new VerifyOutcome.Failed(refusal.get());
        }
        if (cancel.isCancelled()) {
            return new VerifyOutcome.Cancelled();
        }
        ForkedRunner.WorkerEnding<VerifyOutcome> ending;
        try {
            ending = runner.launch(request, memory, VerifyWorker.class.getName(), timeout(request), cancel,
                    event -> { }, resultFile -> readResult(request, resultFile));
        } catch (RuntimeException e) {
            return new VerifyOutcome.Failed("cannot run the worker: " + e.getMessage());
        }
        return switch (ending.kind()) {
            case CANCELLED -> new VerifyOutcome.Cancelled();
            case DONE -> ending.result();
            case FAILED -> new VerifyOutcome.Failed(ending.message());
        };
    }

    /** The verdict in the worker's result file ({@link #resultField}). */
    private static VerifyOutcome readResult(BenchmarkRequest request, Path resultFile) throws IOException {
        ObjectMapper json = ResultJson.compactMapper();
        JsonNode result = json.readTree(Files.readAllBytes(resultFile));
        return Precisions.of(request) == Precision.FP32
                ? new VerifyOutcome.Checked(json.treeToValue(result.get("verdict"), BackendVerifier.Verdict.class))
                : new VerifyOutcome.CheckedQuantized(json.treeToValue(result.get("quantized"),
                        BackendVerifier.QuantizedVerdict.class));
    }

    /**
     * Checks the request's backend in this JVM (debugging and fast tests): a backend error is a
     * {@link VerifyOutcome.Failed}, but a native crash ends this JVM.
     */
    public static VerifyOutcome inProcess(BenchmarkRequest request) {
        try {
            Object v = VerifyWorker.verify(request);
            return v instanceof BackendVerifier.Verdict f ? new VerifyOutcome.Checked(f)
                    : new VerifyOutcome.CheckedQuantized((BackendVerifier.QuantizedVerdict) v);
        } catch (BackendException | RuntimeException e) {
            return new VerifyOutcome.Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
