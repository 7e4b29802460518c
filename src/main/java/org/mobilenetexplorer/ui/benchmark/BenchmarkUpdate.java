package org.mobilenetexplorer.ui.benchmark;

import org.mobilenetexplorer.bench.BenchmarkResult;

/** What a running benchmark reports to its view-model (on the JavaFX thread in the app), in order. */
sealed interface BenchmarkUpdate {

    /**
     * Where the run is.
     *
     * @param phase    configuration, position and phase ("0.5-160 (2/4): warming up")
     * @param eta      done, failed and time left ("1 of 4 done, about 12.0 s left"), or empty
     * @param progress 0..1 over the whole sweep, or -1 while unknown
     */
    record Status(String phase, String eta, double progress) implements BenchmarkUpdate {
    }

    /** A configuration finished and its result was saved (or {@link Failure} says why not). */
    record Measured(BenchmarkResult result) implements BenchmarkUpdate {
    }

    /**
     * A configuration failed, or its result could not be saved.
     *
     * @param configurationFailed true when a configuration ended without a result (it counts as done), false when
     *                            a measured result could not be saved (its {@link Measured} counts it)
     */
    record Failure(String message, boolean configurationFailed) implements BenchmarkUpdate {
    }
}
