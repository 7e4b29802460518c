package org.mobilenetexplorer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
 * Properties of the readers over generated inputs (plain JUnit, fixed-seed {@link SplittableRandom}: the same cases on
 * every run): what they accept reads back unchanged after writing, and no input gives anything but a result or the
 * reader's own one-line exception.
 */
class ReaderPropertiesTest {

    /** Characters beyond printable ASCII that users paste: escape, tab, quote, backslash, accents, CJK, bidi. */
    private static final char[] SPECIAL = {'\u001b', '\t', '"', '\\', 'é', '中', '\u202e'};

    /** Text as users write it (1..max characters), control characters, quotes and non-Latin scripts included. */
    private static String text(SplittableRandom r, int max) {
        int n = r.nextInt(1, max + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(5) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (char) r.nextInt(' ', '~' + 1));
        }
        return sb.toString();
    }

    private static String nonBlankText(SplittableRandom r, int max) {
        String s;
        do {
            s = text(r, max);
        } while (s.isBlank());
        return s;
    }

    /** A double in [lo, hi) rounded to scale decimals, never 0. */
    private static double scaled(SplittableRandom r, double lo, double hi, int scale) {
        double d;
        do {
            d = BigDecimal.valueOf(r.nextDouble(lo, hi)).setScale(scale, RoundingMode.HALF_UP).doubleValue();
        } while (d <= 0);
        return d;
    }

    private static <T> T oneOf(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static MobileNetConfig config(SplittableRandom r) {
        return new MobileNetConfig(r.nextInt(10) == 0 ? oneOf(r, new Double[] {0.01, 4.0}) : scaled(r, 0.01, 4.0, 4),
                r.nextInt(10) == 0 ? oneOf(r, new Integer[] {32, 2048}) : r.nextInt(32, 2049),
                r.nextInt(10) == 0 ? oneOf(r, new Integer[] {1, 100_000}) : r.nextInt(1, 100_001),
                oneOf(r, ChannelRounding.values()), r.nextInt(0, 6), r.nextBoolean(), oneOf(r, Activation.values()));
    }

    static Stream<Preset> presets() {
        SplittableRandom r = new SplittableRandom(0x5EED_0001L);
        return Stream.generate(() -> {
            List<PresetEntry> entries = new ArrayList<>();
            for (int i = r.nextInt(1, 9); i > 0; i--) {
                entries.add(new PresetEntry(config(r), r.nextInt(10) < 3 ? null : text(r, 40)));
            }
            return Preset.of(nonBlankText(r, 60), text(r, 200), text(r, 100), entries);
        }).limit(200);
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("presets")
    void anAcceptedPresetRoundTrips(Preset p) throws PresetException {
        Preset back = PresetLoader.parse(PresetWriter.toJson(p), "p.json");
        assertEquals(p, back);
        assertEquals(PresetWriter.toJson(p), PresetWriter.toJson(back));
    }

    /**
     * Any text: a third random UTF-16 code units (lone surrogates and controls included), a third printable ASCII
     * with JSON/CSV punctuation, a third a valid document with a few characters replaced, inserted or deleted.
     */
    private static Stream<String> anyText(long seed, int count, List<String> valid) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> edge = List.of("", " ", "\n", "\uFEFF", "null", "[]", "{}", "[{}]", "\"", "a,b\n1,2", "\uD800");
        return Stream.concat(edge.stream(), Stream.generate(() -> switch (r.nextInt(3)) {
            case 0 -> {
                StringBuilder sb = new StringBuilder();
                for (int i = r.nextInt(0, 256); i > 0; i--) {
                    sb.append((char) (r.nextInt(4) == 0 ? r.nextInt(0, 0x80) : r.nextInt(0, 0x10000)));
                }
                yield sb.toString();
            }
            case 1 -> {
                String alphabet = "{}[]\":,.-+eE0123456789 \n\r\t\\/abcnrtufls\"";
                StringBuilder sb = new StringBuilder();
                for (int i = r.nextInt(0, 256); i > 0; i--) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                yield sb.toString();
            }
            default -> mutate(r, valid.get(r.nextInt(valid.size())));
        })).limit(count);
    }

    private static String mutate(SplittableRandom r, String s) {
        StringBuilder sb = new StringBuilder(s);
        for (int k = r.nextInt(1, 4); k > 0; k--) {
            int at = r.nextInt(sb.length() + 1);
            char c = r.nextBoolean() ? (char) r.nextInt(' ', '~' + 1) : (char) r.nextInt(0, 0x10000);
            switch (r.nextInt(3)) {
                case 0 -> sb.insert(at, c);
                case 1 -> {
                    if (at < sb.length()) {
                        sb.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < sb.length()) {
                        sb.setCharAt(at, c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static Stream<String> anyPresetText() {
        List<String> valid = presets().limit(10).map(PresetWriter::toJson).toList();
        return anyText(0x5EED_0002L, 300, valid);
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("anyPresetText")
    void anyTextIsAPresetOrAPresetException(String any) {
        try {
            PresetLoader.parse(any, "any.json");
        } catch (PresetException e) {
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    record Row(double alpha, int resolution, double top1, String label) {
    }

    static Stream<List<Row>> rows() {
        SplittableRandom r = new SplittableRandom(0x5EED_0003L);
        return Stream.generate(() -> {
            int n = r.nextInt(1, 21);
            List<Row> rows = new ArrayList<>(n);
            Set<String> keys = new HashSet<>();
            while (rows.size() < n) {
                String label;
                do {
                    label = text(r, 30);
                } while (label.isBlank() || !label.strip().equals(label));
                Row row = new Row(scaled(r, 0.01, 4.0, 3), r.nextInt(32, 2049),
                        BigDecimal.valueOf(r.nextDouble(0, 100)).setScale(2, RoundingMode.HALF_UP).doubleValue(), label);
                if (keys.add(row.alpha() + "/" + row.resolution())) {
                    rows.add(row);
                }
            }
            return rows;
        }).limit(150);
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

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("rows")
    void accuracyRowsReadBackFromJsonAndCsv(List<Row> rows) throws AccuracyImportException {
        assertSame(rows, AccuracyImport.parseJson(json(rows), "a.json"));
        assertSame(rows, AccuracyImport.parseCsv(csv(rows), "a.csv"));
    }

    static Stream<String> anyAccuracyText() {
        List<String> valid = new ArrayList<>();
        rows().limit(5).forEach(rs -> {
            valid.add(json(rs));
            valid.add(csv(rs));
        });
        return anyText(0x5EED_0004L, 300, valid);
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("anyAccuracyText")
    void anyTextIsAnImportOrAnImportException(String any) {
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

    /** Random bytes (0..255 of them), a UTF-8 byte-order mark before text, and valid files with bytes flipped. */
    static Stream<byte[]> anyBytes() {
        SplittableRandom r = new SplittableRandom(0x5EED_0005L);
        List<byte[]> valid = rows().limit(5).map(rs -> csv(rs).getBytes(StandardCharsets.UTF_8)).toList();
        return Stream.concat(Stream.of(new byte[0], new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}), Stream.generate(() -> {
                    if (r.nextBoolean()) {
                        byte[] b = new byte[r.nextInt(0, 256)];
                        r.nextBytes(b);
                        return b;
                    }
                    byte[] b = valid.get(r.nextInt(valid.size())).clone();
                    for (int k = r.nextInt(1, 4); k > 0; k--) {
                        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    }
                    return b;
                })).limit(100);
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("anyBytes")
    void anyBytesAreAnImportOrAnImportException(byte[] any, @TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("x.csv"), any);
        try {
            AccuracyImport.load(f);
        } catch (AccuracyImportException e) {
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }
}
