package org.mobilenetexplorer.bench;

/** Why a measurement is flagged unstable; every output that shows a result shows its flags. */
public enum Instability {
    /** Coefficient of variation above {@link BenchmarkProtocol#HIGH_CV}. */
    HIGH_CV,
    /** The JVM collected garbage while measuring (GarbageCollectorMXBean counts changed). */
    GC_DURING_MEASUREMENT,
    /** Fewer measured runs than {@link BenchmarkProtocol#FEW_RUNS}: the confidence interval is wide or undefined. */
    TOO_FEW_RUNS,
    /** The maximum time ended the measurement before the minimum runs or minimum time were reached. */
    MAX_TIME_CAP
}
