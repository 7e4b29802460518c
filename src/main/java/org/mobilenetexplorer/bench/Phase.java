package org.mobilenetexplorer.bench;

/** The phases of one benchmark, in order. Only {@link #MEASUREMENT} runs reach the statistics. */
public enum Phase {
    /** Worker JVM start, backend start-up (native libraries) and network build. */
    STARTUP,
    /** The first inference, reported on its own. */
    FIRST_INFERENCE,
    /** Warm-up runs (count and minimum time). */
    WARMUP,
    /** Steady-state runs: the samples. */
    MEASUREMENT,
    /** Per-layer profile (optional). */
    PROFILE
}
