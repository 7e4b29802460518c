package org.mobilenetexplorer.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * The spread between forks (JMH's forks): each fork's own figures, and the statistics of the fork medians beside
 * the within-fork statistics of the result. {@code ofMedians} uses the same definitions as every latency
 * statistic (decision 004): its min and max are the fastest and slowest fork's median, its cv the between-fork
 * coefficient of variation, its ci95 a Student-t interval over the fork medians (null for 2 forks or fewer).
 *
 * @param perFork   one entry per fork, in the order they ran
 * @param ofMedians statistics of the fork medians (n = forks)
 */
public record ForkStatistics(List<ForkSummary> perFork, LatencyStatistics ofMedians) {

    /** Above this between-fork CV a result is flagged {@link Instability#FORK_SPREAD}. */
    public static final double HIGH_SPREAD = 0.10;

    public ForkStatistics {
        perFork = List.copyOf(InvalidSettingException.required(perFork, "forks.perFork"));
        InvalidSettingException.required(ofMedians, "forks.ofMedians");
        InvalidSettingException.check(perFork.size() >= 2, "forks.perFork", perFork.size() + " fork(s)",
                "fork statistics need at least 2 forks");
        InvalidSettingException.check(ofMedians.n() == perFork.size(), "forks.ofMedians.n", ofMedians.n(),
                "must equal the number of forks, " + perFork.size());
    }

    /** The statistics of forks whose samples are {@code samplesPerFork} (in order), with their phase times. */
    public static ForkStatistics of(List<double[]> samplesPerFork, List<PhaseTimes> phases) {
        List<ForkSummary> forks = new ArrayList<>();
        double[] medians = new double[samplesPerFork.size()];
        for (int i = 0; i < samplesPerFork.size(); i++) {
            LatencyStatistics s = LatencyStatistics.of(samplesPerFork.get(i));
            medians[i] = s.median();
            forks.add(new ForkSummary(s.n(), s.median(), s.mean(), s.cv(), phases.get(i).startupMs(),
                    phases.get(i).firstInferenceMs()));
        }
        return new ForkStatistics(forks, LatencyStatistics.of(medians));
    }

    /** Number of forks. */
    @JsonIgnore
    public int count() {
        return perFork.size();
    }

    /** Slowest fork median / fastest fork median - 1: how far apart the forks landed (0.05 = 5%). */
    @JsonIgnore
    public double range() {
        return ofMedians.min() == 0 ? 0 : ofMedians.max() / ofMedians.min() - 1;
    }
}
