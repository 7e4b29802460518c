package org.mobilenetexplorer.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.MobileNetConfig;

class LatencyFitterTest {

    private static KernelFit fitOf(LatencyModel m, KernelKey key) {
        return m.kernelFits().stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void recoversKnownKernelCoefficientsFromExactData() {
        LatencyModel m = LatencyFitter.fit(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0, 1));
        for (var e : SyntheticProfiles.TRUTH.entrySet()) {
            KernelKey key = e.getKey();
            KernelFit fit = fitOf(m, key);
            if (key.kind() == LayerKind.SOFTMAX) {
                continue; // its activations never change on this grid: checked below
            }
            assertEquals(KernelFeatures.names(key), fit.features(), key.id());
            double[] c = fit.coefficients();
            for (int i = 0; i < c.length; i++) {
                assertEquals(e.getValue()[i], c[i], 1e-6, key.id() + " coefficient of " + fit.features().get(i));
            }
        }
        assertArrayEquals(SyntheticProfiles.OVERHEAD, m.overheadCoefficients(), 1e-6);
    }

    @Test
    void dropsFeaturesTheGridCannotSeparateAndStillPredictsExactly() {
        LatencyModel m = LatencyFitter.fit(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0, 1));
        // softmax over 1000 classes: the activations never change, so only the constant is left
        KernelFit softmax = fitOf(m, new KernelKey(LayerKind.SOFTMAX, 0, 0));
        assertEquals(List.of("1"), softmax.features());
        assertEquals(0.002 + 1.0 * 2000 / 1e6, softmax.coefficients()[0], 1e-9);
        for (MobileNetConfig c : CalibrationGrid.HELD_OUT.configs()) {
            assertEquals(SyntheticProfiles.truth(c), predict(m, c), 1e-6, c.label());
        }
        assertEquals(0, m.bandPercent(), 1e-6);
    }

    @Test
    void noisyCalibrationGivesABandAndHeldOutPredictionsInsideIt() {
        LatencyModel m = LatencyFitter.fit(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.05, 7));
        assertEquals(CalibrationGrid.DEFAULT.configs().size(), m.calibrationErrors().size());
        assertTrue(m.bandPercent() > 0 && m.bandPercent() < 5, "band " + m.bandPercent());
        for (MobileNetConfig c : CalibrationGrid.HELD_OUT.configs()) {
            double truth = SyntheticProfiles.truth(c);
            double error = Math.abs(predict(m, c) - truth) / truth * 100;
            assertTrue(error < 3, c.label() + ": " + error + "%");
        }
    }

    @Test
    void predictionIsTheSumOfLayersPlusOverheadAndFlagsExtrapolation() throws Exception {
        LatencyModel m = LatencyFitter.fit(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.05, 7));
        Prediction p = m.predict(new MobileNetConfig(0.6, 176));
        double sum = p.layers().stream().mapToDouble(LayerPrediction::predictedMs).sum();
        assertEquals(sum, p.layerSumMs(), 1e-12);
        assertEquals(p.layerSumMs() + p.overheadMs(), p.predictedMs(), 1e-12);
        assertEquals(p.predictedMs() * (1 - m.bandPercent() / 100), p.lowMs(), 1e-12);
        assertEquals(30, p.layers().size());
        assertTrue(p.interpolated());
        assertFalse(m.predict(new MobileNetConfig(1.4, 224)).interpolated());
        assertFalse(m.predict(new MobileNetConfig(0.5, 320)).interpolated());
    }

    @Test
    void leastSquaresRefusesSingularAndUnderdeterminedDesigns() {
        double[] w = {1, 1, 1};
        assertEquals(null, LatencyFitter.leastSquares(new double[][] {{1, 2}, {1, 2}, {1, 2}}, new double[] {1, 2, 3}, w));
        assertEquals(null, LatencyFitter.leastSquares(new double[][] {{1, 2}, {1, 3}}, new double[] {1, 2}, new double[] {1, 1}));
        double[] beta = LatencyFitter.leastSquares(new double[][] {{1, 0}, {1, 1}, {1, 2}}, new double[] {1, 3, 5}, w);
        assertArrayEquals(new double[] {1, 2}, beta, 1e-12);
    }

    @Test
    void percentileInterpolatesBetweenOrderStatistics() {
        assertEquals(9.1, LatencyFitter.percentile(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9), 1e-12);
        assertEquals(4, LatencyFitter.percentile(new double[] {4}, 0.9), 1e-12);
    }

    private static double predict(LatencyModel m, MobileNetConfig c) {
        try {
            return m.predict(c).predictedMs();
        } catch (PredictionRefusedException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertArrayEquals(double[] expected, double[] actual, double delta) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, delta);
    }
}
