package org.mobilenetexplorer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mobilenetexplorer.accuracy.AccuracyImport;
import org.mobilenetexplorer.accuracy.AccuracyImportException;
import org.mobilenetexplorer.accuracy.AccuracyPoint;
import org.mobilenetexplorer.accuracy.AccuracySource;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.PresetException;
import org.mobilenetexplorer.preset.PresetLoader;
import org.mobilenetexplorer.preset.PresetWriter;

/**
 * Properties of the readers (jqwik): what they accept reads back unchanged after writing, and no input gives anything
 * but a result or the reader's own exception.
 */
class ReaderPropertiesTest {

    /** Text as users write it, control characters, quotes and non-Latin scripts included. */
    private static Arbitrary<String> text(int max) {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\u001b', '\t', '"', '\\', 'é', '中', '\u202e')
                .ofMinLength(1).ofMaxLength(max);
    }

    @Provide
    Arbitrary<MobileNetConfig> configs() {
        return Combinators.combine(Arbitraries.doubles().between(0.01, 4.0).ofScale(4).filter(a -> a > 0),
                Arbitraries.integers().between(32, 2048), Arbitraries.integers().between(1, 100_000),
                Arbitraries.of(ChannelRounding.values()), Arbitraries.integers().between(0, 5),
                Arbitraries.of(true, false), Arbitraries.of(Activation.values()))
                .as(MobileNetConfig::new);
    }

    @Provide
    Arbitrary<Preset> presets() {
        Arbitrary<PresetEntry> entry = Combinators.combine(configs(), text(40).injectNull(0.3)).as(PresetEntry::new);
        return Combinators.combine(text(60).filter(s -> !s.isBlank()), text(200), text(100),
                entry.list().ofMinSize(1).ofMaxSize(8)).as(Preset::of);
    }

    @Property(tries = 200)
    void anAcceptedPresetRoundTrips(@ForAll("presets") Preset p) throws PresetException {
        Preset back = PresetLoader.parse(PresetWriter.toJson(p), "p.json");
        assertEquals(p, back);
        assertEquals(PresetWriter.toJson(p), PresetWriter.toJson(back));
    }

    @Property(tries = 300)
    void anyTextIsAPresetOrAPresetException(@ForAll String any) {
        try {
            PresetLoader.parse(any, "any.json");
        } catch (PresetException e) {
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    record Row(double alpha, int resolution, double top1, String label) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        return Combinators.combine(Arbitraries.doubles().between(0.01, 4.0).ofScale(3).filter(a -> a > 0),
                Arbitraries.integers().between(32, 2048), Arbitraries.doubles().between(0, 100).ofScale(2),
                text(30).filter(s -> !s.isBlank() && s.strip().equals(s)))
                .as(Row::new).list().ofMinSize(1).ofMaxSize(20).uniqueElements(r -> r.alpha() + "/" + r.resolution());
    }

    private static String json(List<Row> rows) {
        StringBuilder sb = new StringBuilder("[");
        for (Row r : rows) {
            sb.append(sb.length() > 1 ? ",\n" : "\n").append(String.format(Locale.ROOT,
                    "{\"alpha\": %s, \"resolution\": %d, \"top1\": %s, \"label\": \"%s\"}", r.alpha(), r.resolution(),
                    r.top1(), r.label().replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
                            .replace("\u001b", "\\u001b")));
        }
        return sb.append("\n]").toString();
    }

    private static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("alpha,resolution,top1,label\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%s,\"%s\"\n", r.alpha(), r.resolution(), r.top1(),
                    r.label().replace("\"", "\"\"")));
        }
        return sb.toString();
    }

    private static void assertSame(List<Row> rows, List<AccuracySource> sources) {
        assertEquals(1, sources.size());
        List<AccuracyPoint> pts = sources.get(0).points();
        assertEquals(rows.size(), pts.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            AccuracyPoint p = pts.get(i);
            assertEquals(r.alpha(), p.config().alpha());
            assertEquals(r.resolution(), p.config().resolution());
            assertEquals(r.top1(), p.top1());
            assertEquals(r.label(), p.label());
        }
    }

    @Property(tries = 150)
    void accuracyRowsReadBackFromJsonAndCsv(@ForAll("rows") List<Row> rows) throws AccuracyImportException {
        assertSame(rows, AccuracyImport.parseJson(json(rows), "a.json"));
        assertSame(rows, AccuracyImport.parseCsv(csv(rows), "a.csv"));
    }

    @Property(tries = 300)
    void anyTextIsAnImportOrAnImportException(@ForAll String any) {
        for (boolean csv : new boolean[] {true, false}) {
            try {
                List<AccuracySource> s = csv ? AccuracyImport.parseCsv(any, "any.csv")
                        : AccuracyImport.parseJson(any, "any.json");
                assertEquals(false, s.isEmpty());
            } catch (AccuracyImportException e) {
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            }
        }
    }

    @Property(tries = 100)
    void anyBytesAreAnImportOrAnImportException(@ForAll byte[] any) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("mnx-prop");
        try {
            java.nio.file.Path f = java.nio.file.Files.write(dir.resolve("x.csv"), any);
            try {
                AccuracyImport.load(f);
            } catch (AccuracyImportException e) {
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            }
        } finally {
            List<java.nio.file.Path> all = new ArrayList<>();
            try (var s = java.nio.file.Files.list(dir)) {
                s.forEach(all::add);
            }
            for (java.nio.file.Path p : all) {
                java.nio.file.Files.delete(p);
            }
            java.nio.file.Files.delete(dir);
        }
    }
}
