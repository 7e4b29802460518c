package org.mobilenetexplorer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;

/**
 * The published block of {@code analyze} for V2 and V3, in text (golden files {@code golden/published-*.txt}, updated
 * only on purpose with {@code -Dgolden.update=true}) and JSON, at every published V2/V3 configuration.
 */
class PublishedReportTest {
    private static final Path DIR = Path.of("src", "test", "resources", "golden");
    private final PublishedData data = PublishedData.bundled();

    static MobileNetConfig config(String name) {
        return switch (name) {
            case "v2-1.0-224" -> MobileNetConfig.of(Family.V2, 1.0, 224);
            case "v3-large-1.0-224" -> MobileNetConfig.of(Family.V3_LARGE, 1.0, 224);
            case "v3-small-1.0-224" -> MobileNetConfig.of(Family.V3_SMALL, 1.0, 224);
            case "v3-small-min-1.0-224" -> MobileNetConfig.of(Family.V3_SMALL, 1.0, 224).withMinimalistic(true);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2-1.0-224", "v3-large-1.0-224", "v3-small-1.0-224", "v3-small-min-1.0-224"})
    void publishedBlockMatchesGoldenFile(String name) throws IOException {
        String rendered = TableReport.published(NetworkStats.of(config(name)), data);
        Path golden = DIR.resolve("published-" + name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, rendered);
        }
        assertEquals(Files.readString(golden), rendered, "golden file " + golden
                + " differs; if the change is intended, rerun with -Dgolden.update=true and review the diff");
    }

    /** Every V2/V3 configuration with published figures: text within 120 columns, JSON with a verdict per figure. */
    @Test
    void everyPublishedV2V3ConfigurationRendersItsFiguresAndVerdicts() {
        Set<MobileNetConfig> configs = new LinkedHashSet<>();
        for (PublishedFigure f : data.figures()) {
            if (f.isMobileNet() && f.family() != Family.V1
                    && (f.millionMacs() != null || f.millionParams() != null)) {
                configs.add(MobileNetConfig.of(f.family(), f.alpha(), f.resolution())
                        .withMinimalistic(f.minimalistic()));
            }
        }
        assertEquals(28, configs.size());
        for (MobileNetConfig c : configs) {
            NetworkStats stats = NetworkStats.of(c);
            String text = TableReport.render(stats, data);
            assertTrue(text.contains("Published figures for " + c.label()), c.label());
            assertTrue(TableReport.fitsWidth(text), c.label() + " fits 120 columns");
            assertFalse(text.contains("not explained"), c.label());
            ObjectNode json = JsonReport.tree(stats, data);
            List<PublishedComparison> rows = PublishedComparison.of(stats, data);
            assertEquals(rows.size(), json.get("published").size(), c.label());
            Set<String> noteIds = new LinkedHashSet<>();
            json.get("publishedNotes").forEach(n -> noteIds.add(n.get("id").asText()));
            for (JsonNode r : json.get("published")) {
                for (String q : List.of("macs", "params")) {
                    String verdict = r.get(q + "Verdict").asText();
                    JsonNode printed = r.get("million" + (q.equals("macs") ? "Macs" : "Params"));
                    assertEquals(printed.isNull(), r.get(q + "Verdict").isNull(), c.label() + " " + r);
                    assertTrue(printed.isNull() || Set.of("match", "truncated", "misprint", "other convention")
                            .contains(verdict), c.label() + " " + r);
                    assertEquals(!printed.isNull() && !verdict.equals("match"), r.has(q + "Note"), c.label() + " " + r);
                    if (r.has(q + "Note")) {
                        assertTrue(noteIds.contains(r.get(q + "Note").asText()), c.label() + " " + r);
                    }
                }
                assertFalse(r.get("table").isNull(), c.label() + " " + r);
            }
            // one note per recorded entry, each with the printed figure and the arithmetic
            assertEquals(noteIds.size(), text.lines().filter(l -> l.startsWith("[")).count(), c.label());
            assertEquals(noteIds.size(), text.replaceAll("\n +", " ").split("\\): printed ", -1).length - 1, c.label());
        }
    }

    @Test
    void v2AtTheChecksTableShowsTheTruncationWithItsArithmetic() {
        String text = TableReport.published(NetworkStats.of(config("v2-1.0-224")), data);
        assertTrue(text.contains("TF-Slim V2 checkpoints, V2 checkpoints table         71.8       300   301        3.47"
                + "  3.47  MACs [1]"), text);
        assertTrue(text.contains("[1] TF-Slim README V2 table, mobilenet_v2_1.0_224 (convention: truncated, not"
                + " rounded): printed 300, arithmetic 300.78."), text);
        ObjectNode json = JsonReport.tree(NetworkStats.of(config("v2-1.0-224")), data);
        JsonNode slim = json.get("published").get(0);
        assertEquals("V2 checkpoints table", slim.get("table").asText());
        assertEquals("truncated", slim.get("macsVerdict").asText());
        assertEquals("match", slim.get("paramsVerdict").asText());
        assertEquals("301", slim.get("ourMillionMacs").asText());
    }
}
