package org.mobilenetexplorer.bench;

/**
 * Why a measurement is flagged unstable; every output that shows a result shows its flags. A flag stores this
 * code and two numbers ({@link UnstableFlag#value()}, {@link UnstableFlag#limit()}); the words come from
 * {@link ResultWords}.
 */
public enum Instability {
    /** Coefficient of variation above {@link BenchmarkProtocol#HIGH_CV}: value = CV, limit = the CV limit. */
    HIGH_CV,
    /**
     * The JVM collected garbage while measuring (GarbageCollectorMXBean counts changed): value = collections,
     * limit = 0 (any collection); the time is in the result's {@code gc}.
     */
    GC_DURING_MEASUREMENT,
    /**
     * Fewer measured runs than {@link BenchmarkProtocol#FEW_RUNS}, so the confidence interval is wide or
     * undefined: value = measured runs, limit = the minimum for a stable result.
     */
    TOO_FEW_RUNS,
    /**
     * The maximum time ended the measurement before the minimum runs or minimum time were reached: value =
     * measured runs, limit = the maximum time in ms.
     */
    MAX_TIME_CAP,
    /**
     * With several forks: the fork medians differ by more than {@link ForkStatistics#HIGH_SPREAD} (between-fork
     * CV): value = between-fork CV, limit = the CV limit.
     */
    FORK_SPREAD
}
