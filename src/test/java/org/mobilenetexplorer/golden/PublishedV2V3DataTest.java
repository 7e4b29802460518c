package org.mobilenetexplorer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedSource;

/**
 * The MobileNet V2/V3 published figures (TF-Slim README tables, the V2 and V3 papers, code comments, Keras' copy of
 * the V3 table) as data: well-formed, every
 * source described in sources.json, every recorded misprint pointing at a printed figure, and the truncation entries
 * consistent with their own numbers. The arithmetic itself (ours against each printed figure) is checked by
 * {@link PublishedV2V3FiguresTest}; the numbers and verdicts are in docs/published-v2-v3.md.
 */
class PublishedV2V3DataTest {
    private static final String BASE = "/org/mobilenetexplorer/published/";
    private static final Set<String> FAMILIES = Set.of("v1", "v2", "v3-large", "v3-small");
    private static final Set<String> V2_V3_SOURCES = Set.of("tf-slim-v2", "tf-slim-v3", "tf-slim-v3-quant", "v2-paper",
            "v3-paper", "v3-paper-quant", "v3-paper-early", "tf-slim-code", "keras-v3-docstring");

    private final PublishedData data = PublishedData.bundled();

    private static List<Map<String, String>> csv(String name) throws IOException {
        try (InputStream in = PublishedV2V3DataTest.class.getResourceAsStream(BASE + name);
             MappingIterator<Map<String, String>> it = new CsvMapper()
                     .readerFor(new TypeReference<Map<String, String>>() { })
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            return it.readAll();
        }
    }

    private static JsonNode misprints() throws IOException {
        try (InputStream in = PublishedV2V3DataTest.class.getResourceAsStream(BASE + "known_misprints_v2_v3.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private PublishedSource source(String id) {
        return data.source(id).orElseThrow(() -> new AssertionError("source " + id + " not in sources.json"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Test
    void everyFigureRowIsWellFormedAndNamesADescribedSource() throws IOException {
        List<Map<String, String>> rows = csv("mobilenet_v2_v3_published.csv");
        assertEquals(62, rows.size());
        int tfSlimV2 = 0;
        for (Map<String, String> r : rows) {
            String what = r.get("source_id") + " " + r.get("model");
            PublishedSource s = source(r.get("source_id"));
            assertTrue(V2_V3_SOURCES.contains(s.id()), what);
            assertTrue(r.get("source").endsWith(r.get("table")) || r.get("source").endsWith("(" + r.get("table") + ")"),
                    what + ": the source text ends with its table");
            String family = r.get("family");
            assertTrue(family.isEmpty() || FAMILIES.contains(family), what + ": family " + family);
            assertTrue(r.get("minimalistic").equals("false") || family.startsWith("v3-"), what + ": minimalistic");
            assertEquals(s.quantized(), r.get("precision").equals("uint8"), what + ": precision vs source");
            if (family.isEmpty()) { // comparison models (ShuffleNet, NASNet, MnasNet, ...)
                assertTrue(blank(r.get("alpha")) && blank(r.get("resolution")) && blank(r.get("classes")), what);
            } else {
                double alpha = Double.parseDouble(r.get("alpha"));
                assertTrue(alpha > 0 && alpha <= 1.4, what);
                assertTrue(Set.of("96", "128", "160", "192", "224").contains(r.get("resolution")), what);
                assertEquals(r.get("source_id").startsWith("tf-slim") ? "1001" : "1000", r.get("classes"), what);
            }
            for (String col : List.of("top1", "top5", "million_macs", "million_params")) {
                if (!blank(r.get(col))) {
                    assertTrue(new BigDecimal(r.get(col)).signum() > 0, what + " " + col);
                }
            }
            tfSlimV2 += r.get("source_id").equals("tf-slim-v2") ? 1 : 0;
        }
        assertEquals(22, tfSlimV2, "TF-Slim's 22 V2 checkpoints");
    }

    @Test
    void everyLatencyRowNamesADescribedSourceAndAPixelPhone() throws IOException {
        List<Map<String, String>> rows = csv("mobilenet_v2_v3_published_latency.csv");
        assertEquals(100, rows.size());
        for (Map<String, String> r : rows) {
            String what = r.get("source_id") + " " + r.get("model") + " " + r.get("device");
            assertEquals(source(r.get("source_id")).quantized(), r.get("precision").equals("uint8"), what);
            assertTrue(Set.of("Pixel 1", "Pixel 2", "Pixel 3").contains(r.get("device")), what);
            assertTrue(Double.parseDouble(r.get("latency_ms")) > 0, what);
            assertTrue(r.get("family").isEmpty() || FAMILIES.contains(r.get("family")), what);
        }
    }

    @Test
    void theNewSourcesHaveAUrlAndNeverCaptureV1Rows() {
        for (String id : V2_V3_SOURCES) {
            PublishedSource s = source(id);
            assertNotNull(s.url(), id);
            assertNull(s.match(), id + ": selected by the source_id column, not by matching source text");
        }
        // exactly the V2/V3 file's 62 rows carry these sources: no V1 row is captured by them
        assertEquals(62, data.figures().stream().filter(f -> V2_V3_SOURCES.contains(f.sourceId())).count());
    }

    @Test
    void everyRecordedMisprintPointsAtAPrintedFigureAndTruncationsAreConsistent() throws IOException {
        List<Map<String, String>> rows = csv("mobilenet_v2_v3_published.csv");
        Set<String> ids = new HashSet<>();
        int truncated = 0;
        for (JsonNode m : misprints()) {
            String id = m.get("id").asText();
            assertTrue(ids.add(id), "duplicate id " + id);
            assertTrue(Set.of("misprint", "convention").contains(m.get("type").asText()), id);
            assertTrue(FAMILIES.contains(m.get("family").asText()), id);
            String column = switch (m.get("quantity").asText()) {
                case "MILLION_MACS" -> "million_macs";
                case "MILLION_PARAMS" -> "million_params";
                default -> throw new AssertionError(id + ": quantity " + m.get("quantity"));
            };
            BigDecimal printed = m.get("printed").decimalValue();
            List<String> sourceIds = new ArrayList<>();
            m.get("sourceIds").forEach(s -> sourceIds.add(s.asText()));
            for (String sourceId : sourceIds) {
                source(sourceId);
                long hits = rows.stream().filter(r -> r.get("source_id").equals(sourceId)
                        && r.get("family").equals(m.get("family").asText())
                        && Boolean.parseBoolean(r.get("minimalistic")) == m.get("minimalistic").asBoolean()
                        && new BigDecimal(r.get("alpha")).compareTo(m.get("alpha").decimalValue()) == 0
                        && r.get("resolution").equals(m.get("resolution").asText())
                        && !blank(r.get(column)) && new BigDecimal(r.get(column)).compareTo(printed) == 0).count();
                assertTrue(hits >= 1, id + " explains no " + sourceId + " row");
            }
            BigDecimal arithmetic = m.get("arithmetic").decimalValue();
            assertNotEquals(0, printed.compareTo(arithmetic), id);
            JsonNode fits = m.get("fits");
            assertTrue(fits.isNull() || Set.of("truncated", "v3-small-head-1280").contains(fits.asText()), id);
            if (!fits.isNull() && fits.asText().equals("truncated")) {
                truncated++;
                int scale = Math.max(printed.stripTrailingZeros().scale(), 0);
                assertEquals(0, arithmetic.setScale(scale, RoundingMode.DOWN).compareTo(printed), id + " truncated");
                assertNotEquals(0, arithmetic.setScale(scale, RoundingMode.HALF_UP).compareTo(printed), id + " rounded");
            }
            assertFalse(m.get("explanation").asText().isBlank(), id);
        }
        assertEquals(33, ids.size());
        assertEquals(19, truncated, "figures printed truncated, not rounded");
    }
}
