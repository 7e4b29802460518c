package org.mobilenetexplorer.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.MobileNetConfig;

class AccuracyEstimatorTest {
    private static final AccuracyCatalog CATALOG = AccuracyCatalog.bundled();

    @Test
    void catalogHasTheRequiredSourcesWithProvenance() {
        for (String id : List.of("paper", "tf-slim-2017", "tf-slim-2018", "tf-slim-quant-2018-08", "tflite", "keras")) {
            AccuracySource s = CATALOG.source(id);
            assertFalse(s.name().isBlank(), id);
            assertFalse(s.citation().isBlank(), id);
            assertFalse(s.checkpoint().isBlank(), id);
            assertFalse(s.metric().isBlank(), id);
        }
        assertEquals(16, CATALOG.source("tf-slim-2018").points().size());
        assertEquals(1, CATALOG.source("keras").points().size());
        // paper: 1.0-224 printed in Tables 4, 6, 7, 8 is one point; plus Conv MobileNet and Shallow MobileNet
        AccuracySource paper = CATALOG.source("paper");
        assertEquals(10, paper.points().size());
        assertEquals(1, paper.points().stream().filter(p -> p.config().equals(MobileNetConfig.DEFAULT)).count());
        assertEquals(List.of("GoogleNet", "VGG 16", "Squeezenet", "AlexNet"),
                CATALOG.comparisonModels().stream().map(ComparisonModel::name).toList());
    }

    @Test
    void publishedValueIsReturnedAsIs() {
        AccuracyEstimator e = new AccuracyEstimator(CATALOG.source("tf-slim-2018"), AccuracyMetric.TOP1);
        Accuracy a = e.estimate(new MobileNetConfig(0.75, 192).withClasses(1001));
        assertEquals(67.2, a.value(), 1e-12);
        assertEquals(AccuracyKind.PUBLISHED, a.kind());
        assertFalse(a.estimated());
        assertEquals("", a.flag());
    }

    @Test
    void interpolationAlongResolutionMatchesTheHandValue() {
        // 0.75-192 left out: between 0.75-160 (65.3) and 0.75-224 (68.4) in ln resolution:
        // t = ln(192/160) / ln(224/160) = 0.541870..., 65.3 + t * 3.1 = 66.97980...
        AccuracySource full = CATALOG.source("tf-slim-2018");
        List<AccuracyPoint> rest = new ArrayList<>(full.points());
        rest.removeIf(p -> p.config().alpha() == 0.75 && p.config().resolution() == 192);
        AccuracySource without = new AccuracySource("x", "x", "", "", "", rest);
        Accuracy a = new AccuracyEstimator(without, AccuracyMetric.TOP1, AccuracyEstimator.Method.GRID_FIT)
                .estimate(new MobileNetConfig(0.75, 192));
        assertEquals(AccuracyKind.INTERPOLATED, a.kind());
        assertEquals(65.3 + Math.log(192.0 / 160) / Math.log(224.0 / 160) * 3.1, a.value(), 1e-9);
        assertEquals(66.9798, a.value(), 1e-4);
        assertEquals("est.", a.flag());
    }

    @Test
    void leaveOneOutErrorOnTheTfSlimGrid() {
        // independently computed (numpy) for this exact procedure: MAE 0.669, max 1.803 (at 0.5-128, anchored fit
        // from 0.5-160); the plain ln(MACs) fit instead of the anchored one gives MAE 1.01, max 3.72
        LeaveOneOut loo = new AccuracyEstimator(CATALOG.source("tf-slim-2018"), AccuracyMetric.TOP1,
                AccuracyEstimator.Method.GRID_FIT).error();
        assertEquals(16, loo.n());
        assertEquals(0, loo.skipped());
        assertEquals(0.669, loo.mae(), 0.001);
        assertEquals(1.803, loo.max(), 0.001);
        assertEquals("LOO MAE 0.67, max 1.80 pts (n=16)", loo.summary());
        assertEquals("0.5-128", loo.worstLabel());
    }

    @Test
    void edgeOfTheGridUsesTheFitSlopeFromThePublishedNeighbour() {
        // 0.25-128 left out: no enclosing rectangle (128 is the smallest resolution left at alpha 0.25), so the
        // fit's slope is applied from 0.25-160 (45.5), the nearest published point with the same alpha
        AccuracySource full = CATALOG.source("tf-slim-2018");
        List<AccuracyPoint> rest = new ArrayList<>(full.points());
        rest.removeIf(p -> p.config().alpha() == 0.25 && p.config().resolution() == 128);
        AccuracyEstimator e = new AccuracyEstimator(new AccuracySource("x", "x", "", "", "", rest),
                AccuracyMetric.TOP1, AccuracyEstimator.Method.GRID_FIT);
        Accuracy a = e.estimate(new MobileNetConfig(0.25, 128));
        assertEquals(AccuracyKind.FITTED, a.kind());
        assertTrue(a.method().contains("anchored fit: x 0.25-160 45.5"), a.method());
        double slope = e.fit().orElseThrow().slope();
        double expected = 45.5 + slope * Math.log(AccuracyEstimator.macs(new MobileNetConfig(0.25, 128))
                / (double) AccuracyEstimator.macs(new MobileNetConfig(0.25, 160)));
        assertEquals(expected, a.value(), 1e-9);
        assertTrue(a.extrapolated()); // 13.6M MACs is below the remaining points' smallest (21.1M)
        assertTrue(Math.abs(a.value() - 41.5) < 1.803);
    }

    @Test
    void offGridUsesTheFitAndFlagsExtrapolation() {
        AccuracyEstimator e = new AccuracyEstimator(CATALOG.source("tf-slim-2018"), AccuracyMetric.TOP1, AccuracyEstimator.Method.GRID_FIT);
        Accuracy inside = e.estimate(new MobileNetConfig(0.6, 200));
        assertEquals(AccuracyKind.INTERPOLATED, inside.kind());
        Accuracy small = e.estimate(new MobileNetConfig(0.125, 96));
        assertEquals(AccuracyKind.FITTED, small.kind());
        assertTrue(small.extrapolated());
        assertEquals("est., extrapolated", small.flag());
        assertTrue(small.method().contains("extrapolated"), small.method());
        assertTrue(small.value() < 41.5);
        assertTrue(e.fit().orElseThrow().perDoubling() > 3);
    }

    @Test
    void fewPointsDegradeWithAReason() {
        AccuracyEstimator keras = new AccuracyEstimator(CATALOG.source("keras"), AccuracyMetric.TOP1);
        assertEquals(70.4, keras.estimate(MobileNetConfig.DEFAULT).value(), 1e-12);
        Accuracy none = keras.estimate(new MobileNetConfig(0.5, 160));
        assertEquals(AccuracyKind.NONE, none.kind());
        assertNull(none.value());
        assertTrue(none.method().contains("at least 3"), none.method());
        assertFalse(keras.error().available());

        AccuracyEstimator paperTop5 = new AccuracyEstimator(CATALOG.source("paper"), AccuracyMetric.TOP5);
        assertTrue(paperTop5.estimate(MobileNetConfig.DEFAULT).method().contains("no top5"));

        AccuracyEstimator paper = new AccuracyEstimator(CATALOG.source("paper"), AccuracyMetric.TOP1);
        assertEquals(65.3, paper.estimate(new MobileNetConfig(1.0, 224).withBlocks14(0)).value(), 1e-12);
        assertEquals(AccuracyKind.NONE, paper.estimate(new MobileNetConfig(0.5, 224).withBlocks14(0)).kind());
        assertTrue(paper.error().available());
    }

    /** Found while rewriting the leave-one-out: three points with the same MACs made the fit throw (a crash). */
    @Test
    void pointsThatShareTheirMacsGiveNoFitInsteadOfACrash() {
        List<AccuracyPoint> pts = new java.util.ArrayList<>();
        for (double a : new double[] {0.2501, 0.2502, 0.2503}) {
            pts.add(new AccuracyPoint(new MobileNetConfig(a, 224), 50.0 + a, null, null, "user:x", "x"));
        }
        AccuracyEstimator e = new AccuracyEstimator(new AccuracySource("user:x", "x", "", "", "", pts),
                AccuracyMetric.TOP1);
        Accuracy far = e.estimate(new MobileNetConfig(1.0, 160));
        assertEquals(AccuracyKind.NONE, far.kind());
        assertTrue(far.method().contains("all with the same MACs"), far.method());
    }
}
