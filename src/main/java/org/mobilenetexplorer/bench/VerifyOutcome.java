package org.mobilenetexplorer.bench;

/**
 * What checking one backend against the reference came to ({@link ForkedVerifier}): a verdict (FP32 or quantized),
 * a failure with its reason (refused by the memory guard, a backend error, a native abort or out-of-memory of the
 * worker), or cancelled.
 */
public sealed interface VerifyOutcome {

    /** An FP32 verdict. */
    record Checked(BackendVerifier.Verdict verdict) implements VerifyOutcome {
    }

    /** A verdict on the quantized (INT8) model. */
    record CheckedQuantized(BackendVerifier.QuantizedVerdict verdict) implements VerifyOutcome {
    }

    /** The backend could not be checked: {@code message} says why (one line). */
    record Failed(String message) implements VerifyOutcome {
    }

    /** Cancelled (Ctrl-C): the worker was killed. */
    record Cancelled() implements VerifyOutcome {
    }
}
