package org.mobilenetexplorer.predict;

import java.util.concurrent.TimeUnit;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How fast the latency predictor answers once its profile is loaded (goal: under 1 ms per configuration), and how long
 * loading takes (the fit with its leave-one-network-out band). The profile has the default grid's shape (60 networks
 * of all four families, about 4,000 layer measurements, about 45 kernel kinds) with synthetic times: the arithmetic
 * does not depend on the values. Run:
 * {@code mvn -Pjmh test-compile exec:exec -Djmh.args="-f 1 -wi 3 -w 1s -i 5 -r 1s PredictorBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class PredictorBenchmark {
    private DeviceProfile profile;
    private LatencyModel model;
    private MobileNetConfig config;
    private MobileNetConfig largest;

    @Setup
    public void setup() {
        profile = SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.05, 11);
        model = LatencyFitter.fit(profile);
        config = new MobileNetConfig(0.6, 176);
        largest = MobileNetConfig.of(Family.V3_LARGE, 0.9, 200);
    }

    /** One prediction (spec, features, 30 kernel predictions, overhead, band) of an off-grid configuration. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Prediction predictOneConfiguration() throws PredictionRefusedException {
        return model.predict(config);
    }

    /** One prediction of the family with the most layers (V3-Large, with squeeze-and-excite and h-swish). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Prediction predictV3Large() throws PredictionRefusedException {
        return model.predict(largest);
    }

    /** Fitting a loaded profile: every kernel regression, the overhead, and 60 leave-one-network-out refits. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LatencyModel fitProfile() {
        return LatencyFitter.fit(profile);
    }
}
