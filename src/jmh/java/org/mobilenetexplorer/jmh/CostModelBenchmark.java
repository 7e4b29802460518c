package org.mobilenetexplorer.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast the cost model analyses configurations of each family (goals on the 2-core dev machine: under 20 us per
 * configuration, under 200 ms per sweep of 10,000). Run with {@code mvn -Pjmh test-compile exec:exec}
 * (see README); {@code family} is a JMH parameter ({@code -p family=v2}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class CostModelBenchmark {

    /** The family measured: v1, v2, v3-large, v3-small, v3-large-min, v3-small-min. */
    @Param({"v1", "v2", "v3-large", "v3-small", "v3-large-min", "v3-small-min"})
    public String family;

    /** Sweep size: alpha 0.10..1.50 in 100 steps x resolution 32..512 in 100 steps. */
    static final int STEPS = 100;

    private MobileNetConfig baseline;
    private List<MobileNetConfig> sweep;

    @Setup
    public void setup() {
        boolean min = family.endsWith("-min");
        Family f = Family.fromId(min ? family.substring(0, family.length() - 4) : family);
        baseline = MobileNetConfig.of(f, 1.0, 224).withMinimalistic(min);
        sweep = new ArrayList<>(STEPS * STEPS);
        for (int i = 0; i < STEPS; i++) {
            double alpha = 0.10 + (1.50 - 0.10) * i / (STEPS - 1);
            for (int j = 0; j < STEPS; j++) {
                int resolution = 32 + (512 - 32) * j / (STEPS - 1);
                sweep.add(baseline.withAlpha(alpha).withResolution(resolution));
            }
        }
        if (sweep.size() != 10_000) {
            throw new IllegalStateException("sweep has " + sweep.size() + " configurations");
        }
    }

    /** One full analysis (spec, per-layer stats, totals, by-kind shares) of the family's 1.0-224. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public NetworkStats analyseOneConfiguration() {
        return NetworkStats.of(baseline);
    }

    /** 10,000 full analyses; every result consumed. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void sweepTenThousandConfigurations(Blackhole bh) {
        for (MobileNetConfig c : sweep) {
            bh.consume(NetworkStats.of(c).totals().macs());
        }
    }
}
