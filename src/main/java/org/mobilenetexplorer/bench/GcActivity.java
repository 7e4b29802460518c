package org.mobilenetexplorer.bench;

/**
 * Garbage collection in the benchmarking JVM during the measurement phase (sum over GarbageCollectorMXBeans).
 *
 * @param collections number of collections
 * @param timeMs      accumulated collection time (ms)
 */
public record GcActivity(long collections, long timeMs) {
}
