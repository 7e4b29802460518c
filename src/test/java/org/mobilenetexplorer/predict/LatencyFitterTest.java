package org.mobilenetexplorer.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.MobileNetConfig;

class LatencyFitterTest {
    private static LatencyModel exact;
    private static LatencyModel noisy;

    @BeforeAll
    static void fit() {
        exact = LatencyFitter.fit(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0, 1));
        noisy = LatencyFitter.fit(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.05, 7));
    }

    private static KernelFit fitOf(LatencyModel m, KernelKey key) {
        return m.kernelFits().stream().filter(k -> k.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no fit of " + key));
    }

    private static double coefficient(KernelFit fit, String feature) {
        int i = fit.features().indexOf(feature);
        assertTrue(i >= 0, fit.key() + " has no " + feature + ": " + fit.features());
        return fit.coefficients()[i];
    }

    @Test
    void recoversTheAlignmentEffectOfDepthwiseAndPointwiseKernels() {
        for (int stride : new int[] {1, 2}) {
            double aligned = coefficient(fitOf(exact, new KernelKey(LayerKind.DEPTHWISE, 3, stride, 16)), "MMACs16");
            assertEquals(SyntheticProfiles.DEPTHWISE_PER_MMAC * (stride == 1 ? 1 : 0.9), aligned, 1e-9);
            for (int a : new int[] {1, 2, 4, 8}) {
                KernelKey key = new KernelKey(LayerKind.DEPTHWISE, 3, stride, a);
                if (exact.kernelKeys().contains(key)) {
                    assertEquals(aligned * SyntheticProfiles.slowdown(a),
                            coefficient(fitOf(exact, key), "MMACs16"), 1e-9, key.id());
                } else {
                    assertTrue(stride == 2 && a == 8, "the default grid measures " + key);
                }
            }
        }
        for (int a : new int[] {1, 2, 4, 8, 16}) {
            KernelFit pw = fitOf(exact, new KernelKey(LayerKind.POINTWISE, 0, 0, a));
            assertEquals(SyntheticProfiles.POINTWISE_PER_MMAC * SyntheticProfiles.slowdown(a),
                    coefficient(pw, "MMACs16"), 1e-9, pw.key().id());
            assertEquals(0.25, coefficient(pw, "Mactivations"), 1e-9, pw.key().id());
        }
        KernelFit v3 = fitOf(exact, new KernelKey(LayerKind.POINTWISE, 0, 0, 16));
        assertEquals(SyntheticProfiles.HARD_PER_MELEMENT, coefficient(v3, "Mhard"), 1e-9);
        KernelFit dw5 = fitOf(exact, new KernelKey(LayerKind.DEPTHWISE, 5, 2, 8));
        assertEquals(SyntheticProfiles.DEPTHWISE_PER_MMAC * 0.8 * 0.9 * 1.2, coefficient(dw5, "MMACs16"), 1e-9);
        KernelFit se = fitOf(exact, new KernelKey(LayerKind.SE_CONV, 0, 0, 16));
        assertEquals(SyntheticProfiles.SE_PER_MMAC, coefficient(se, "MMACs16"), 1e-9);
        assertEquals(List.of(SyntheticProfiles.OVERHEAD[0], SyntheticProfiles.OVERHEAD[1],
                SyntheticProfiles.OVERHEAD[2], SyntheticProfiles.OVERHEAD[3]), boxed(exact.overheadCoefficients()));
    }

    @Test
    void predictsEveryHeldOutConfigurationOfEveryFamilyExactly() {
        assertEquals(Family.values().length, CalibrationGrid.HELD_OUT.families().size());
        for (MobileNetConfig c : CalibrationGrid.HELD_OUT.configs()) {
            assertEquals(SyntheticProfiles.truth(c), predict(exact, c), 1e-6 * SyntheticProfiles.truth(c), c.label());
        }
        assertEquals(0, exact.bandPercent(), 1e-6);
    }

    @Test
    void softmaxOverAFixedClassCountKeepsOnlyItsConstant() {
        KernelFit softmax = fitOf(exact, new KernelKey(LayerKind.SOFTMAX, 0, 0));
        assertEquals(List.of("1"), softmax.features());
        assertEquals(0.002 + 1.0 * 2000 / 1e6, softmax.coefficients()[0], 1e-9);
    }

    @Test
    void unpaddedMacsWouldMissTheBlockRounding() {
        // 1x1 convolutions to 153 and to 160 channels cost the same on a blocked kernel: the features say so
        var a = org.mobilenetexplorer.model.ArchitectureSpec.of(new MobileNetConfig(0.3, 224)).layer("Conv2d_12_pointwise");
        assertEquals(153, a.input().c());
        assertEquals(160L * 320 * 7 * 7, KernelFeatures.paddedMacs(a));
        assertEquals(KernelKey.alignment(153), 1);
        assertEquals(KernelKey.alignment(24), 8);
        assertEquals(KernelKey.alignment(1024), 16);
    }

    @Test
    void noisyCalibrationGivesABandAndHeldOutPredictionsInsideIt() {
        assertEquals(CalibrationGrid.DEFAULT.configs().size(), noisy.calibrationErrors().size());
        assertTrue(noisy.bandPercent() > 0 && noisy.bandPercent() < 6, "band " + noisy.bandPercent());
        for (Family f : Family.values()) {
            assertTrue(noisy.bandPercent(f) > 0 && noisy.bandPercent(f) < 6, f + " band " + noisy.bandPercent(f));
        }
        for (MobileNetConfig c : CalibrationGrid.HELD_OUT.configs()) {
            double truth = SyntheticProfiles.truth(c);
            double error = Math.abs(predict(noisy, c) - truth) / truth * 100;
            assertTrue(error < 4, c.label() + ": " + error + "%");
        }
    }

    @Test
    void predictionIsTheSumOfLayersPlusOverheadAndFlagsExtrapolation() throws Exception {
        Prediction p = noisy.predict(MobileNetConfig.of(Family.V3_LARGE, 0.6, 176));
        double sum = p.layers().stream().mapToDouble(LayerPrediction::predictedMs).sum();
        assertEquals(sum, p.layerSumMs(), 1e-12);
        assertEquals(p.layerSumMs() + p.overheadMs(), p.predictedMs(), 1e-12);
        assertEquals(noisy.bandPercent(Family.V3_LARGE), p.bandPercent(), 1e-12);
        assertEquals(p.predictedMs() * (1 - p.bandPercent() / 100), p.lowMs(), 1e-12);
        assertEquals(org.mobilenetexplorer.model.ArchitectureSpec.of(p.config()).layers().size(), p.layers().size());
        assertTrue(p.interpolated());
        assertFalse(noisy.predict(new MobileNetConfig(1.4, 224)).interpolated());
        assertFalse(noisy.predict(MobileNetConfig.of(Family.V2, 0.5, 320)).interpolated());
        assertTrue(noisy.predict(MobileNetConfig.of(Family.V3_SMALL, 0.75, 192).withMinimalistic(true))
                .interpolated());
    }

    @Test
    void leastSquaresRefusesSingularAndUnderdeterminedDesigns() {
        double[] w = {1, 1, 1};
        assertEquals(null, LatencyFitter.leastSquares(new double[][] {{1, 2}, {1, 2}, {1, 2}}, new double[] {1, 2, 3}, w));
        assertEquals(null, LatencyFitter.leastSquares(new double[][] {{1, 2}, {1, 3}}, new double[] {1, 2}, new double[] {1, 1}));
        double[] beta = LatencyFitter.leastSquares(new double[][] {{1, 0}, {1, 1}, {1, 2}}, new double[] {1, 3, 5}, w);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 2}, beta, 1e-12);
    }

    @Test
    void percentileInterpolatesBetweenOrderStatistics() {
        assertEquals(9.1, LatencyFitter.percentile(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9), 1e-12);
        assertEquals(4, LatencyFitter.percentile(new double[] {4}, 0.9), 1e-12);
    }

    private static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).map(x -> Math.round(x * 1e9) / 1e9).boxed().toList();
    }

    private static double predict(LatencyModel m, MobileNetConfig c) {
        try {
            return m.predict(c).predictedMs();
        } catch (PredictionRefusedException e) {
            throw new AssertionError(e);
        }
    }
}
