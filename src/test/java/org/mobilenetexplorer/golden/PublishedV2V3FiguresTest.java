package org.mobilenetexplorer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.published.KnownMisprint;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.published.PublishedQuantity;
import org.mobilenetexplorer.published.PublishedSource;
import org.mobilenetexplorer.published.Verdict;
import org.mobilenetexplorer.report.PublishedComparison;

/**
 * Every MACs and params figure printed for a MobileNet in the V2/V3 reference data (TF-Slim's model card, the V2
 * and V3 papers, TF-Slim's code comments, Keras' docstring) against our arithmetic: each is reproduced (rounded,
 * or truncated where that convention is recorded) or is the recorded misprint / other convention, whose recorded
 * arithmetic is ours. A figure that is neither fails. The verdicts are those of docs/published-v2-v3.md.
 */
class PublishedV2V3FiguresTest {
    private static final PublishedData DATA = PublishedData.bundled();

    /** One printed figure: a row and the quantity it prints. */
    record Printed(PublishedFigure row, PublishedQuantity quantity, double value) {
        @Override
        public String toString() {
            return row.sourceId() + " " + row.table() + " " + row.model() + " " + quantity + " " + value;
        }
    }

    /** The rows of the V2/V3 data: its sources name rows by id (no match text, unlike V1's). */
    private static boolean inV2V3Data(PublishedFigure f) {
        return DATA.source(f.sourceId()).map(PublishedSource::match).isEmpty();
    }

    static List<Printed> printedFigures() {
        List<Printed> out = new ArrayList<>();
        for (PublishedFigure f : DATA.figures()) {
            if (!inV2V3Data(f) || !f.isMobileNet()) {
                continue;
            }
            if (f.millionMacs() != null) {
                out.add(new Printed(f, PublishedQuantity.MILLION_MACS, f.millionMacs()));
            }
            if (f.millionParams() != null) {
                out.add(new Printed(f, PublishedQuantity.MILLION_PARAMS, f.millionParams()));
            }
        }
        return out;
    }

    private static MobileNetConfig config(PublishedFigure f, int classes) {
        return MobileNetConfig.of(f.family(), f.alpha(), f.resolution()).withMinimalistic(f.minimalistic())
                .withClasses(classes);
    }

    private static long ours(Totals t, PublishedQuantity q) {
        return q == PublishedQuantity.MILLION_MACS ? t.macs() : PublishedComparison.PARAMS.count(t);
    }

    private static Verdict verdict(PublishedFigure f, PublishedQuantity q, Totals t) {
        PublishedComparison c = PublishedComparison.compare(f, t, DATA);
        return (q == PublishedQuantity.MILLION_MACS ? c.macsVerdict() : c.paramsVerdict()).orElseThrow();
    }

    private static BigDecimal millions(long count, double printed, RoundingMode mode) {
        return BigDecimal.valueOf(count).movePointLeft(6).setScale(Figures.scale(printed), mode);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printedFigures")
    void reproducedOrTheRecordedMisprint(Printed p) {
        PublishedFigure f = p.row();
        Totals t = NetworkStats.of(config(f, f.classes())).totals();
        long ours = ours(t, p.quantity());
        BigDecimal printed = BigDecimal.valueOf(p.value());
        boolean rounded = millions(ours, p.value(), RoundingMode.HALF_UP).compareTo(printed) == 0;
        Optional<KnownMisprint> note = DATA.misprint(f, p.quantity());
        Verdict v = verdict(f, p.quantity(), t);
        switch (v) {
            case MATCH -> {
                assertTrue(rounded, p + ": ours " + ours);
                assertTrue(note.isEmpty(), p + ": reproduced, yet recorded as " + note);
            }
            case TRUNCATED -> {
                assertFalse(rounded, p + ": ours " + ours);
                assertEquals(0, millions(ours, p.value(), RoundingMode.DOWN).compareTo(printed),
                        p + ": truncated ours " + ours);
            }
            case MISPRINT, OTHER_CONVENTION -> assertFalse(rounded, p + ": ours " + ours);
            case UNEXPLAINED -> fail(p + ": ours " + ours + " differs and no misprint is recorded");
        }
        if (v != Verdict.MATCH) {
            KnownMisprint m = note.orElseThrow();
            assertEquals(v, m.verdict(), p.toString());
            assertEquals(p.value(), m.printed(), p + ": the recorded printed figure");
            // the recorded arithmetic is ours, to the precision it is written with (at the row's class count)
            assertTrue(Figures.matches(ours, m.arithmetic()), p + ": recorded " + m.arithmetic() + ", ours " + ours);
            assertFalse(m.explanation().isBlank(), m.id());
        }
        // the papers count 1000 classes, TF-Slim 1001: the verdict holds at either count
        int other = f.classes() == 1000 ? 1001 : 1000;
        assertEquals(v, verdict(f, p.quantity(), NetworkStats.of(config(f, other)).totals()), p + " at " + other);
    }

    @Test
    void theVerdictsAreThoseOfTheNotesAndEveryV2V3EntryExplainsAPrintedFigure() {
        Map<Verdict, Integer> count = new EnumMap<>(Verdict.class);
        Set<String> used = new HashSet<>();
        for (Printed p : printedFigures()) {
            PublishedFigure f = p.row();
            count.merge(verdict(f, p.quantity(), NetworkStats.of(config(f, f.classes())).totals()), 1, Integer::sum);
            DATA.misprint(f, p.quantity()).ifPresent(m -> used.add(m.id()));
        }
        // docs/published-v2-v3.md: 56 reproduced, 21 truncated, 10 unexplained + 8 stale misprints, 3 other
        // architecture (the earlier V3 paper's own 1280-channel V3-Small); 12 comparison-model figures not checked
        assertEquals(Map.of(Verdict.MATCH, 56, Verdict.TRUNCATED, 21, Verdict.MISPRINT, 18,
                Verdict.OTHER_CONVENTION, 3), count);
        long comparison = DATA.figures().stream().filter(f -> inV2V3Data(f) && !f.isMobileNet())
                .mapToLong(f -> (f.millionMacs() == null ? 0 : 1) + (f.millionParams() == null ? 0 : 1)).sum();
        assertEquals(12, comparison);
        List<String> unused = DATA.knownMisprints().stream()
                .filter(m -> m.sourceIds().stream().anyMatch(id -> DATA.source(id).orElseThrow().match() == null))
                .map(KnownMisprint::id).filter(id -> !used.contains(id)).toList();
        assertEquals(List.of(), unused, "recorded V2/V3 entries that explain no printed figure");
        assertEquals(33, used.size());
    }

    /** Published figures appear only where a published configuration matches, for any alpha and resolution. */
    @Test
    void figuresAppearExactlyForPublishedConfigurations() {
        Set<String> published = new HashSet<>();
        int rowsWithFigures = 0;
        for (PublishedFigure f : DATA.figures()) {
            if (inV2V3Data(f) && f.isMobileNet() && f.family() != Family.V1
                    && (f.millionMacs() != null || f.millionParams() != null)) {
                published.add(config(f, 1000).label());
                rowsWithFigures++;
            }
        }
        int shown = 0;
        for (Family family : Family.values()) {
            if (family == Family.V1) {
                continue;
            }
            for (boolean minimalistic : family.hasMinimalistic() ? new boolean[] {false, true} : new boolean[] {false}) {
                for (double alpha : new double[] {0.01, 0.35, 0.5, 0.75, 0.8, 1.0, 1.3, 1.4, 4.0}) {
                    for (int res : new int[] {32, 96, 128, 160, 192, 224, 225, 2048}) {
                        MobileNetConfig c = MobileNetConfig.of(family, alpha, res).withMinimalistic(minimalistic);
                        List<PublishedComparison> rows = PublishedComparison.of(NetworkStats.of(c), DATA);
                        assertEquals(published.contains(c.label()), !rows.isEmpty(), c.label());
                        for (PublishedComparison r : rows) {
                            assertTrue(r.figure().describes(c), c.label() + " " + r.figure().model());
                            assertTrue(Stream.of(r.macsVerdict(), r.paramsVerdict()).flatMap(Optional::stream)
                                    .noneMatch(v -> v == Verdict.UNEXPLAINED), c.label() + " " + r);
                        }
                        shown += rows.size();
                    }
                }
            }
        }
        assertEquals(rowsWithFigures, shown, "every V2/V3 row printing MACs or params, once, at its configuration");
        assertEquals(28, published.size(), "22 V2 checkpoints, V3-Large and V3-Small 1.0 and 0.75, 2 minimalistic");
    }
}
