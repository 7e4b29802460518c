package org.mobilenetexplorer.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.BenchmarkListener;
import org.mobilenetexplorer.bench.BenchmarkOutcome;
import org.mobilenetexplorer.bench.BenchmarkRunner;

/** Cancellation and failure end a calibration with nothing to store (the real runs are in the CLI smoke test). */
class CalibratorTest {
    private static final CalibrationGrid GRID = CalibrationGrid.v1(List.of(0.25, 0.5), List.of(96, 128));

    @Test
    void cancelledMidwayGivesNothingToStore() {
        AtomicInteger runs = new AtomicInteger();
        BenchmarkRunner runner = (request, listener, cancel) -> {
            if (runs.incrementAndGet() == 2) {
                return new BenchmarkOutcome.Cancelled(request);
            }
            return new BenchmarkOutcome.Failed(request, "not reached in this test");
        };
        try (BenchmarkEngine engine = new BenchmarkEngine(runner)) {
            var outcome = new Calibrator(engine).calibrate("onnxruntime", Precision.FP32, GRID, BenchmarkListener.NONE);
            var cancelled = assertInstanceOf(Calibrator.Outcome.Cancelled.class, outcome);
            assertEquals(1, cancelled.finished());
            assertEquals(4, cancelled.total());
        }
    }

    @Test
    void aFailedNetworkFailsTheCalibrationNamingIt() {
        BenchmarkRunner runner = (request, listener, cancel) -> new BenchmarkOutcome.Failed(request, "worker crashed");
        try (BenchmarkEngine engine = new BenchmarkEngine(runner)) {
            var outcome = new Calibrator(engine).calibrate("onnxruntime", Precision.FP32, GRID, BenchmarkListener.NONE);
            var failed = assertInstanceOf(Calibrator.Outcome.Failed.class, outcome);
            assertEquals(4, failed.messages().size());
            assertEquals("0.25-96 on onnxruntime: round 1 of 3: worker crashed", failed.messages().get(0));
        }
    }

    @Test
    void anchorsAreEachFamilysMiddleNetworkOfTheProfile() {
        DeviceProfile p = SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0, 1);
        List<NetworkMeasurement> anchors = Calibrator.anchors(p);
        assertEquals(p.grid().families().size(), anchors.size());
        for (NetworkMeasurement a : anchors) {
            List<Double> own = p.networks().stream()
                    .filter(n -> n.config().family() == a.config().family() && !n.config().minimalistic())
                    .map(NetworkMeasurement::medianMs).sorted().toList();
            assertEquals(own.get(own.size() / 2), a.medianMs(), 0, a.config().label());
            assertEquals(false, a.config().minimalistic());
        }
    }
}
