package org.mobilenetexplorer.bench;

import java.util.function.Function;
import org.mobilenetexplorer.model.NetworkStats;

/**
 * Runs a benchmark in this JVM. Used by the worker process, and by tests; an application uses {@link ForkedRunner}
 * so that a native crash or an out-of-memory error cannot take it down.
 */
public final class InProcessRunner implements BenchmarkRunner {
    private final BenchmarkProtocol protocol;
    private final Function<String, InferenceBackend> backends;
    private final boolean guardMemory;

    /** The real protocol, backends by id through {@link Backends}, memory guard on. */
    public InProcessRunner() {
        this(new BenchmarkProtocol(), Backends::byId, true);
    }

    public InProcessRunner(BenchmarkProtocol protocol, Function<String, InferenceBackend> backends,
                           boolean guardMemory) {
        this.protocol = protocol;
        this.backends = backends;
        this.guardMemory = guardMemory;
    }

    /**
     * Stack of the thread a benchmark runs on. ONNX Runtime 1.29 crashed with SIGSEGV while creating a session on the
     * main thread of a JVM started with a long command line (over ~4 KB of class path); the same JVM ran fine with
     * -Xss16m, and on this 64 MB thread.
     */
    public static final long STACK_BYTES = 64L * 1024 * 1024;

    @Override
    public BenchmarkOutcome run(BenchmarkRequest request, BenchmarkListener listener, CancellationToken cancel) {
        BenchmarkOutcome[] result = new BenchmarkOutcome[1];
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = runHere(request, listener, cancel);
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "benchmark-" + request.backend(), STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            cancel.cancel();
            Thread.currentThread().interrupt();
            try {
                t.join();
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        }
        if (thrown[0] instanceof Error err) {
            throw err;
        }
        if (thrown[0] != null) {
            return failed(request, thrown[0].toString(), listener);
        }
        return result[0];
    }

    private BenchmarkOutcome runHere(BenchmarkRequest request, BenchmarkListener listener, CancellationToken cancel) {
        BenchmarkOutcome outcome;
        try {
            InferenceBackend backend = backends.apply(request.backend());
            if (guardMemory) {
                MemoryEstimate m = MemoryGuard.estimate(NetworkStats.of(request.config()), request.protocol().batch());
                var refusal = MemoryGuard.refusal(m, MemoryGuard.availableBytes(), request.label());
                if (refusal.isPresent()) {
                    return failed(request, refusal.get(), listener);
                }
            }
            outcome = new BenchmarkOutcome.Completed(request, protocol.run(backend, request, listener, cancel));
        } catch (CancellationToken.CancelledException e) {
            outcome = new BenchmarkOutcome.Cancelled(request);
        } catch (BackendException e) {
            return failed(request, e.getMessage(), listener);
        } catch (OutOfMemoryError e) {
            return failed(request, "out of memory (-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + "m): " + e.getMessage(), listener);
        } catch (RuntimeException e) {
            return failed(request, e.toString(), listener);
        }
        listener.configurationDone(outcome);
        return outcome;
    }

    private static BenchmarkOutcome failed(BenchmarkRequest request, String message, BenchmarkListener listener) {
        BenchmarkOutcome o = new BenchmarkOutcome.Failed(request, message);
        listener.failed(request, message);
        listener.configurationDone(o);
        return o;
    }
}
