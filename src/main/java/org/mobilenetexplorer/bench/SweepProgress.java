package org.mobilenetexplorer.bench;

import java.time.Duration;

/**
 * Where a sweep stands.
 *
 * @param done      configurations finished (any outcome)
 * @param total     configurations in the sweep
 * @param failed    of which failed
 * @param elapsed   time since the sweep started
 * @param remaining estimated time left: the mean time per finished configuration x those left (null before the
 *                  first one finishes)
 * @param current   the configuration running now, or the last one when done
 */
public record SweepProgress(int done, int total, int failed, Duration elapsed, Duration remaining,
                            BenchmarkRequest current) {

    /** done / total in 0..1. */
    public double fraction() {
        return total == 0 ? 1 : done / (double) total;
    }
}
