package org.mobilenetexplorer.accuracy;

/**
 * The accuracy of one configuration according to one source, with how it was obtained.
 *
 * @param value        accuracy in percent, or null when {@code kind} is NONE
 * @param kind         published, interpolated, fitted, or none
 * @param extrapolated true when the estimate lies outside the source's published range (alpha, resolution or
 *                     MACs); always false for published and interpolated values
 * @param sourceId     the source
 * @param metric       top-1 or top-5
 * @param method       how the value was obtained, one line (the published row, or the estimator and its inputs)
 * @param error        the estimator's leave-one-out error on this source (reported beside every estimate)
 */
public record Accuracy(Double value, AccuracyKind kind, boolean extrapolated, String sourceId, AccuracyMetric metric,
                       String method, LeaveOneOut error) {

    public Accuracy {
        if (kind == null || metric == null || sourceId == null) {
            throw new IllegalArgumentException("kind, metric and sourceId must not be null");
        }
        if ((value == null) != (kind == AccuracyKind.NONE)) {
            throw new IllegalArgumentException("value = " + value + ": must be null exactly when kind is NONE");
        }
        method = method == null ? "" : method;
    }

    public boolean present() {
        return value != null;
    }

    public boolean estimated() {
        return kind.estimated();
    }

    /** "est." markers for tables: empty for published values, "est.", "est., extrapolated", "n/a". */
    public String flag() {
        return switch (kind) {
            case PUBLISHED -> "";
            case INTERPOLATED, FITTED -> extrapolated ? "est., extrapolated" : "est.";
            case NONE -> "n/a";
        };
    }
}
