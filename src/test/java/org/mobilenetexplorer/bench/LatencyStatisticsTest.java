package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyStatisticsTest {

    @Test
    void oneToTen() {
        LatencyStatistics s = LatencyStatistics.of(new double[] {7, 1, 10, 4, 2, 9, 3, 8, 6, 5});
        assertEquals(10, s.n());
        assertEquals(1, s.min());
        assertEquals(10, s.max());
        assertEquals(5.5, s.median(), 1e-12);
        assertEquals(5.5, s.mean(), 1e-12);
        // type 7: h = 9 x 0.9 = 8.1 -> 9 + 0.1 x (10 - 9); numpy.percentile(range(1, 11), 90) = 9.1
        assertEquals(9.1, s.p90(), 1e-12);
        assertEquals(9.91, s.p99(), 1e-12);
        // sample stddev: sqrt(82.5 / 9)
        assertEquals(3.0276503540974917, s.stddev(), 1e-12);
        assertEquals(3.0276503540974917 / 5.5, s.cv(), 1e-12);
        // scipy.stats.t.interval(0.95, 9, loc=5.5, scale=3.0276503540974917/sqrt(10)) = (3.33414, 7.66586)
        assertNotNull(s.ci95());
        assertEquals(3.334149, s.ci95().low(), 1e-6);
        assertEquals(7.665851, s.ci95().high(), 1e-6);
        assertEquals(0.95, s.ci95().level());
    }

    @Test
    void evenAndOddMedians() {
        assertEquals(2, LatencyStatistics.of(new double[] {3, 1, 2}).median());
        assertEquals(2.5, LatencyStatistics.of(new double[] {4, 1, 3, 2}).median());
        assertEquals(42, LatencyStatistics.of(new double[] {42}).p99());
    }

    @Test
    void ciUndefinedForTwoOrFewerSamples() {
        assertNull(LatencyStatistics.of(new double[] {1}).ci95());
        assertNull(LatencyStatistics.of(new double[] {1, 2}).ci95());
        assertEquals(0, LatencyStatistics.of(new double[] {1}).stddev());
        assertNotNull(LatencyStatistics.of(new double[] {1, 2, 3}).ci95());
        assertTrue(Double.isNaN(LatencyStatistics.of(new double[] {1, 2}).relativeError()));
    }

    @Test
    void varianceSurvivesALargeOffset() {
        // E[x^2] - E[x]^2 loses every digit here; two-pass keeps them: variance of {4, 7, 13, 16} is 30
        double off = 1e9;
        LatencyStatistics s = LatencyStatistics.of(new double[] {off + 4, off + 7, off + 13, off + 16});
        assertEquals(Math.sqrt(30), s.stddev(), 1e-6);
        double naive = (sq(off + 4) + sq(off + 7) + sq(off + 13) + sq(off + 16)) / 4 - sq(off + 10);
        assertTrue(Math.abs(naive * 4 / 3 - 30) > 1, "the naive formula really fails here: " + naive);
    }

    private static double sq(double x) {
        return x * x;
    }

    @Test
    void constantSamples() {
        LatencyStatistics s = LatencyStatistics.of(new double[] {2, 2, 2, 2});
        assertEquals(0, s.stddev());
        assertEquals(0, s.cv());
        assertEquals(2, s.ci95().low());
        assertEquals(2, s.ci95().high());
    }

    @Test
    void rejectsBadSamples() {
        assertThrows(IllegalArgumentException.class, () -> LatencyStatistics.of(new double[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatencyStatistics.of(new double[] {1, Double.NaN}));
        assertEquals("samples[1] = NaN: must be finite and >= 0", e.getMessage());
    }

    @ParameterizedTest(name = "t(0.975, {0}) = {1}")
    @CsvSource({
        "1, 12.706204736174698",
        "2, 4.302652729749464",
        "3, 3.182446305284263",
        "5, 2.570581835636314",
        "9, 2.262157162798205",
        "10, 2.228138851986274",
        "30, 2.042272456301238",
        "100, 1.983971518523552",
        "1000, 1.962339081046012",
    })
    void studentTMatchesPublishedValues(double df, double expected) {
        assertEquals(expected, StudentT.quantile(0.975, df), 1e-9);
        assertEquals(-expected, StudentT.quantile(0.025, df), 1e-9);
    }

    @Test
    void studentTOtherLevelsAndNormalLimit() {
        assertEquals(3.169272672616957, StudentT.twoSidedCritical(0.99, 10), 1e-9);
        assertEquals(1.372183641110336, StudentT.quantile(0.9, 10), 1e-9);
        assertEquals(1.959963984540054, StudentT.quantile(0.975, 1e7), 1e-6);
        assertEquals(0.5, StudentT.cdf(0, 4), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1, 3));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.9, 0));
    }
}
