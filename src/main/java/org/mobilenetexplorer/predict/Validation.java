package org.mobilenetexplorer.predict;

import java.util.List;
import java.util.Objects;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * Measured against predicted on held-out configurations: the per-configuration errors and their summary (MAPE, share
 * within +-10%, count beyond +-20%). Pure arithmetic.
 *
 * @param rows    one per configuration measured, in order
 * @param anchors calibration networks measured again in the same rounds as the rows (the machine's drift since the
 *                calibration); empty when none were
 */
public record Validation(List<Row> rows, List<Anchor> anchors) {
    /** The goal's inner bound: at least {@link #GOAL_SHARE} of the configurations within +-10%. */
    public static final double WITHIN_PERCENT = 10;
    /** The goal's outer bound: no configuration beyond +-20%. */
    public static final double BEYOND_PERCENT = 20;
    /** The goal's share within {@link #WITHIN_PERCENT}. */
    public static final double GOAL_SHARE = 0.90;

    /**
     * One held-out configuration.
     *
     * @param config      the configuration
     * @param measuredMs  measured median latency, ms
     * @param predictedMs predicted median latency, ms
     * @param lowMs       the prediction band's lower end
     * @param highMs      the prediction band's upper end
     * @param roundMediansMs the median of each round (each worker JVM) whose samples were pooled into
     *                    {@code measuredMs}; empty when it was measured in one
     */
    public record Row(MobileNetConfig config, double measuredMs, double predictedMs, double lowMs, double highMs,
                      List<Double> roundMediansMs) {
        public Row {
            Objects.requireNonNull(config, "config");
            if (!(measuredMs > 0) || Double.isInfinite(measuredMs)) {
                throw new IllegalArgumentException("measuredMs = " + measuredMs + ": must be a finite time > 0");
            }
            roundMediansMs = List.copyOf(roundMediansMs);
        }

        /** A row measured in one worker (no rounds). */
        public Row(MobileNetConfig config, double measuredMs, double predictedMs, double lowMs, double highMs) {
            this(config, measuredMs, predictedMs, lowMs, highMs, List.of());
        }

        /**
         * How far the rounds disagreed among themselves: (slowest - fastest round median) / measured x 100; NaN
         * without rounds. The measurement's own repeatability: a prediction cannot be held to a tighter bound
         * than this.
         */
        public double roundSpreadPercent() {
            if (roundMediansMs.size() < 2) {
                return Double.NaN;
            }
            double min = roundMediansMs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = roundMediansMs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            return (max - min) / measuredMs * 100;
        }

        /** (predicted - measured) / measured x 100. */
        public double errorPercent() {
            return (predictedMs - measuredMs) / measuredMs * 100;
        }

        /** True when the measurement fell inside the prediction band. */
        public boolean insideBand() {
            return measuredMs >= lowMs && measuredMs <= highMs;
        }
    }

    /**
     * A calibration network measured again beside the held-out ones: how fast the machine runs now against the
     * calibration.
     *
     * @param config       the calibration network
     * @param calibratedMs its median in the device profile
     * @param measuredMs   its median now, in the validation's rounds
     */
    public record Anchor(MobileNetConfig config, double calibratedMs, double measuredMs) {
        public Anchor {
            Objects.requireNonNull(config, "config");
            if (!(calibratedMs > 0) || !(measuredMs > 0) || Double.isInfinite(calibratedMs)
                    || Double.isInfinite(measuredMs)) {
                throw new IllegalArgumentException("anchor " + config.label() + ": times must be finite and > 0 ("
                        + calibratedMs + ", " + measuredMs + ")");
            }
        }

        /** measured / calibrated: above 1 the machine runs slower now than when it was calibrated. */
        public double ratio() {
            return measuredMs / calibratedMs;
        }
    }

    public Validation {
        rows = List.copyOf(rows);
        anchors = List.copyOf(anchors);
    }

    /** Rows without anchors. */
    public Validation(List<Row> rows) {
        this(rows, List.of());
    }

    /**
     * The machine's drift since the calibration: the median over the anchors of measured / calibrated (1.3: the same
     * networks run 30% slower now); NaN without anchors.
     */
    public double drift() {
        double[] r = anchors.stream().mapToDouble(Anchor::ratio).sorted().toArray();
        if (r.length == 0) {
            return Double.NaN;
        }
        return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
    }

    /**
     * The rows with every prediction (and its band) scaled by {@link #drift()}: what the errors would be had the
     * machine run at its calibration speed, i.e. the model's error without the machine's drift. This validation
     * itself without anchors.
     */
    public Validation driftCorrected() {
        double d = drift();
        if (Double.isNaN(d)) {
            return this;
        }
        return new Validation(rows.stream().map(r -> new Row(r.config(), r.measuredMs(), r.predictedMs() * d,
                r.lowMs() * d, r.highMs() * d, r.roundMediansMs())).toList(), List.of());
    }

    /** The families of the rows, in first-seen order. */
    public List<Family> families() {
        return rows.stream().map(r -> r.config().family()).distinct().toList();
    }

    /** The rows of {@code family} alone. */
    public Validation of(Family family) {
        return new Validation(rows.stream().filter(r -> r.config().family() == family).toList(), anchors);
    }

    /** Mean absolute percentage error; NaN without rows. */
    public double mapePercent() {
        return rows.stream().mapToDouble(r -> Math.abs(r.errorPercent())).average().orElse(Double.NaN);
    }

    /** Share (0..1) of rows with |error| <= 10%; NaN without rows. */
    public double shareWithin10() {
        return rows.isEmpty() ? Double.NaN
                : rows.stream().filter(r -> Math.abs(r.errorPercent()) <= WITHIN_PERCENT).count()
                / (double) rows.size();
    }

    /** Rows with |error| > 20%. */
    public long beyond20() {
        return rows.stream().filter(r -> Math.abs(r.errorPercent()) > BEYOND_PERCENT).count();
    }

    /** The largest |error| in percent; NaN without rows. */
    public double worstPercent() {
        return rows.stream().mapToDouble(r -> Math.abs(r.errorPercent())).max().orElse(Double.NaN);
    }

    /** Share (0..1) of measurements inside their prediction band. */
    public double shareInsideBand() {
        return rows.isEmpty() ? Double.NaN
                : rows.stream().filter(Row::insideBand).count() / (double) rows.size();
    }

    /** The median over the rows of {@link Row#roundSpreadPercent()}; NaN when no row has rounds. */
    public double medianRoundSpreadPercent() {
        double[] s = rows.stream().mapToDouble(Row::roundSpreadPercent).filter(d -> !Double.isNaN(d)).sorted()
                .toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Rows whose rounds disagreed among themselves by more than 10% of the measured median. */
    public long roundsSpreadBeyond10() {
        return rows.stream().filter(r -> r.roundSpreadPercent() > WITHIN_PERCENT).count();
    }

    /** True when at least 90% are within +-10% and none is beyond +-20%. */
    public boolean meetsGoal() {
        return !rows.isEmpty() && shareWithin10() >= GOAL_SHARE && beyond20() == 0;
    }
}
