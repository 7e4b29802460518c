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
     */
    public record Row(MobileNetConfig config, double measuredMs, double predictedMs, double lowMs, double highMs) {
        public Row {
            Objects.requireNonNull(config, "config");
            if (!(measuredMs > 0) || Double.isInfinite(measuredMs)) {
                throw new IllegalArgumentException("measuredMs = " + measuredMs + ": must be a finite time > 0");
            }
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

    /** True when at least 90% are within +-10% and none is beyond +-20%. */
    public boolean meetsGoal() {
        return !rows.isEmpty() && shareWithin10() >= GOAL_SHARE && beyond20() == 0;
    }
}
