package org.mobilenetexplorer.bench;

import java.util.Objects;

/** How one benchmark ended: a result, a failure with its message, or a cancellation. */
public sealed interface BenchmarkOutcome {

    BenchmarkRequest request();

    /** A measured result. */
    record Completed(BenchmarkRequest request, BenchmarkResult result) implements BenchmarkOutcome {
        public Completed {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * The benchmark failed: refused by the memory guard, the backend failed, or the worker crashed, ran out of
     * memory or timed out. The caller reports it and goes on.
     *
     * @param message one paragraph saying what happened (worker exit code, last error lines)
     */
    record Failed(BenchmarkRequest request, String message) implements BenchmarkOutcome {
        public Failed {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Cancelled by the user before it finished. */
    record Cancelled(BenchmarkRequest request) implements BenchmarkOutcome {
        public Cancelled {
            Objects.requireNonNull(request, "request");
        }
    }
}
