package org.mobilenetexplorer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.published.KnownMisprint;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.published.PublishedQuantity;

/**
 * Every published MobileNet row (paper Tables 4-9, TF-Slim, Keras) against our arithmetic: our value rounded to
 * the printed precision equals the printed one everywhere, except exactly where a known misprint (or counting
 * convention) is recorded, and there it differs.
 */
class PublishedFiguresTest {
    private final PublishedData data = PublishedData.bundled();

    private List<PublishedFigure> rows() {
        return data.figures().stream()
                .filter(f -> f.family() == Family.V1 && f.isImageNet() && !f.isBodyOnly())
                .filter(f -> f.millionMacs() != null || f.millionParams() != null).toList();
    }

    @Test
    void oursMatchesEveryPrintedNumberExceptTheRecordedOnes() {
        Set<String> used = new HashSet<>();
        int checked = 0;
        for (PublishedFigure f : rows()) {
            Totals t = NetworkStats.of(Figures.config(f, 1000)).totals();
            checked += check(f, PublishedQuantity.MILLION_MACS, f.millionMacs(), t.macs(), used);
            checked += check(f, PublishedQuantity.MILLION_PARAMS, f.millionParams(), t.params(), used);
        }
        assertTrue(checked > 100, "checked " + checked + " printed numbers");
        for (KnownMisprint m : data.knownMisprints()) {
            if (m.family() == Family.V1 && (m.quantity() == PublishedQuantity.MILLION_MACS
                    || m.quantity() == PublishedQuantity.MILLION_PARAMS)) {
                assertTrue(used.contains(m.id()), m.id() + " explains no published row");
            }
        }
    }

    private int check(PublishedFigure f, PublishedQuantity q, Double printed, long ours, Set<String> used) {
        if (printed == null) {
            return 0;
        }
        Optional<KnownMisprint> m = data.misprint(f, q);
        String what = f.sourceId() + " " + f.model() + " " + q + " printed " + printed;
        if (m.isPresent()) {
            used.add(m.get().id());
            assertFalse(Figures.matches(ours, printed), what + ": recorded as " + m.get().id() + " but ours matches");
            // the recorded arithmetic is ours, to the precision it is written with
            assertTrue(Figures.matches(ours, m.get().arithmetic()), what + ": recorded arithmetic "
                    + m.get().arithmetic() + " vs ours " + ours);
        } else {
            assertTrue(Figures.matches(ours, printed), what + ": ours " + ours);
        }
        return 1;
    }

    @Test
    void paperTables4To9() {
        // table, alpha, resolution, standard conv, shallow, printed MACs (M), printed params (M), MACs misprint id
        record Row(String table, double alpha, int res, boolean conv, boolean shallow, double macs, double params,
                   String misprint) {
        }
        List<Row> rows = List.of(
                new Row("Table 4 Conv MobileNet", 1.0, 224, true, false, 4866, 29.3, "paper-table4-conv-mobilenet"),
                new Row("Table 4 MobileNet", 1.0, 224, false, false, 569, 4.2, null),
                new Row("Table 5 0.75 MobileNet", 0.75, 224, false, false, 325, 2.6, null),
                new Row("Table 5 Shallow MobileNet", 1.0, 224, false, true, 307, 2.9, null),
                new Row("Table 6 0.5 MobileNet-224", 0.5, 224, false, false, 149, 1.3, null),
                new Row("Table 6 0.25 MobileNet-224", 0.25, 224, false, false, 41, 0.5, null),
                new Row("Table 7 1.0 MobileNet-192", 1.0, 192, false, false, 418, 4.2, null),
                new Row("Table 7 1.0 MobileNet-160", 1.0, 160, false, false, 290, 4.2, "paper-table7-160"),
                new Row("Table 7 1.0 MobileNet-128", 1.0, 128, false, false, 186, 4.2, null),
                new Row("Table 9 0.50 MobileNet-160", 0.5, 160, false, false, 76, 1.32, "paper-table9-050-160"));
        for (Row r : rows) {
            var c = new org.mobilenetexplorer.model.MobileNetConfig(r.alpha(), r.res()).withStandardConv(r.conv())
                    .withBlocks14(r.shallow() ? 0 : 5);
            Totals t = NetworkStats.of(c).totals();
            assertTrue(Figures.matches(t.params(), r.params()), r.table() + " params " + t.params());
            if (r.misprint() == null) {
                assertTrue(Figures.matches(t.macs(), r.macs()), r.table() + " MACs " + t.macs());
            } else {
                assertFalse(Figures.matches(t.macs(), r.macs()), r.table() + " MACs " + t.macs());
                assertTrue(data.knownMisprints().stream().anyMatch(m -> m.id().equals(r.misprint())), r.misprint());
            }
        }
        // Conv MobileNet's 4866 is the body without the 1024x1000 classifier; shallow's 307 includes it
        long convBody = NetworkStats.of(new org.mobilenetexplorer.model.MobileNetConfig(1.0, 224)
                .withStandardConv(true)).totals().macs() - 1024L * 1000;
        assertTrue(Figures.matches(convBody, 4866), Long.toString(convBody));
        assertEquals(4_866_269_184L, convBody);
    }

    @Test
    void kerasTotalIsParamsPlusFourBatchNormValuesPerChannel() {
        Totals t = NetworkStats.of(new org.mobilenetexplorer.model.MobileNetConfig(1.0, 224)).totals();
        assertEquals(4_253_864L, t.params() + t.bnParams());
        assertTrue(Figures.matches(t.params() + t.bnParams(), 4.3));
    }
}
