package org.mobilenetexplorer.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.MobileNetConfig;

class ValidationTest {

    private static Validation.Row row(double measured, double predicted) {
        return new Validation.Row(new MobileNetConfig(0.5, 160), measured, predicted, predicted * 0.95,
                predicted * 1.05);
    }

    @Test
    void mapeShareWithinAndBeyond() {
        // errors: +10% (on the bound: within), -5%, +25%, -20% (on the outer bound: not beyond)
        Validation v = new Validation(List.of(row(10, 11), row(2, 1.9), row(4, 5), row(5, 4)));
        assertEquals(10, v.rows().get(0).errorPercent(), 1e-9);
        assertEquals((10 + 5 + 25 + 20) / 4.0, v.mapePercent(), 1e-9);
        assertEquals(0.5, v.shareWithin10(), 1e-12);
        assertEquals(1, v.beyond20());
        assertEquals(25, v.worstPercent(), 1e-9);
        assertFalse(v.meetsGoal());
    }

    @Test
    void goalNeedsNinetyPercentWithinTenAndNoneBeyondTwenty() {
        List<Validation.Row> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(row(1, 1.05));
        }
        rows.add(row(1, 1.15)); // 9 of 10 within, one at +15%: met
        assertTrue(new Validation(rows).meetsGoal());
        rows.set(9, row(1, 1.21)); // one beyond 20%: not met although 90% are within
        assertFalse(new Validation(rows).meetsGoal());
        rows.set(9, row(1, 1.15));
        rows.set(8, row(1, 1.12)); // 8 of 10 within
        assertFalse(new Validation(rows).meetsGoal());
    }

    @Test
    void bandMembershipAndEmptyValidation() {
        assertTrue(row(1.0, 1.04).insideBand());
        assertFalse(row(1.0, 1.10).insideBand());
        Validation empty = new Validation(List.of());
        assertTrue(Double.isNaN(empty.mapePercent()));
        assertFalse(empty.meetsGoal());
        assertThrows(IllegalArgumentException.class, () -> row(0, 1));
    }

    @Test
    void roundSpreadIsTheRoundsOwnDisagreementOverTheMeasuredMedian() {
        MobileNetConfig c = new MobileNetConfig(0.5, 160);
        Validation.Row tight = new Validation.Row(c, 2.0, 2.1, 1.9, 2.3, List.of(1.98, 2.0, 2.04));
        Validation.Row loose = new Validation.Row(c, 1.0, 1.1, 1.0, 1.2, List.of(0.9, 1.0, 1.15));
        Validation.Row single = row(1, 1);
        assertEquals(3.0, tight.roundSpreadPercent(), 1e-9);
        assertEquals(25.0, loose.roundSpreadPercent(), 1e-9);
        assertTrue(Double.isNaN(single.roundSpreadPercent()));
        Validation v = new Validation(List.of(tight, loose, single));
        assertEquals(14.0, v.medianRoundSpreadPercent(), 1e-9, "median of 3 and 25; the row without rounds left out");
        assertEquals(1, v.roundsSpreadBeyond10());
        assertTrue(Double.isNaN(new Validation(List.of(single)).medianRoundSpreadPercent()));
    }

    @Test
    void driftIsTheAnchorsMedianRatioAndCorrectingScalesEveryPredictionByIt() {
        MobileNetConfig c = new MobileNetConfig(1.0, 160);
        List<Validation.Anchor> anchors = List.of(new Validation.Anchor(c, 2.0, 2.6),
                new Validation.Anchor(new MobileNetConfig(0.5, 160), 1.0, 1.2),
                new Validation.Anchor(new MobileNetConfig(0.75, 160), 1.0, 1.5));
        // the machine runs 30% slower than at calibration: every row measured 30% above a perfect prediction
        Validation v = new Validation(List.of(row(1.3, 1.0), row(2.6, 2.0), row(0.65, 0.5)), anchors);
        assertEquals(1.3, v.drift(), 1e-12, "median of 1.3, 1.2, 1.5");
        assertEquals(0.0, v.shareWithin10(), 1e-12);
        assertEquals(3, v.beyond20());
        Validation corrected = v.driftCorrected();
        assertEquals(0.0, corrected.mapePercent(), 1e-9);
        assertTrue(corrected.meetsGoal());
        assertEquals(1.0 * 0.95 * 1.3, corrected.rows().get(0).lowMs(), 1e-12, "the band scales too");
        assertTrue(Double.isNaN(new Validation(v.rows()).drift()));
        assertEquals(v.rows(), new Validation(v.rows()).driftCorrected().rows(), "no anchors: unchanged");
        assertThrows(IllegalArgumentException.class, () -> new Validation.Anchor(c, 0, 1));
    }
}
