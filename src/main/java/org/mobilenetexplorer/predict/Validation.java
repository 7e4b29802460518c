package org.mobilenetexplorer.predict;

import java.util.List;
import java.util.Objects;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * Measured against predicted on held-out configurations: the per-configuration errors and their summary (MAPE, share
 * within +-10%, count beyond +-20%). Pure arithmetic.
 *
 * @param rows one per configuration measured, in order
 */
public record Validation(List<Row> rows) {
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

    public Validation {
        rows = List.copyOf(rows);
    }

    /** The families of the rows, in first-seen order. */
    public List<Family> families() {
        return rows.stream().map(r -> r.config().family()).distinct().toList();
    }

    /** The rows of {@code family} alone. */
    public Validation of(Family family) {
        return new Validation(rows.stream().filter(r -> r.config().family() == family).toList());
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
