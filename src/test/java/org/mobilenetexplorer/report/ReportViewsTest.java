package org.mobilenetexplorer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.published.PublishedData;

class ReportViewsTest {
    private final PublishedData data = PublishedData.bundled();

    @Test
    void jsonHasTheIssueShapeAndExactTotals() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ReportFormat.JSON.render(NetworkStats.of(MobileNetConfig.DEFAULT),
                data));
        assertEquals(568_740_352L, root.at("/totals/macs").asLong());
        assertTrue(root.at("/totals/macs").isIntegralNumber());
        assertEquals(4_210_088L, root.at("/totals/params").asLong());
        assertEquals(43_776L, root.at("/totals/bnParams").asLong());
        assertEquals(1.0, root.at("/config/alpha").asDouble());
        assertEquals(224, root.at("/config/resolution").asInt());
        assertEquals("slim", root.at("/config/rounding").asText());
        JsonNode first = root.at("/layers/0");
        assertEquals("Conv2d_0", first.get("name").asText());
        assertEquals("CONV", first.get("kind").asText());
        assertEquals("[224,224,3]", first.get("input").toString());
        assertEquals("[112,112,32]", first.get("output").toString());
        assertEquals(10_838_016L, first.get("macs").asLong());
        assertEquals(864, first.get("params").asLong());
        assertEquals(128, first.get("bnParams").asLong());
        assertEquals(30, root.get("layers").size());
        long sum = 0;
        for (JsonNode l : root.get("layers")) {
            sum += l.get("macs").asLong();
        }
        assertEquals(568_740_352L, sum);
        assertEquals(CostModel.CONVENTION, root.get("convention").asText());
        assertTrue(root.get("byKind").size() >= 4);
        assertTrue(root.get("published").size() >= 4, "paper, TF-Slim and Keras rows for 1.0-224");
    }

    @Test
    void csvCarriesExactUnscaledIntegers() {
        NetworkStats s = NetworkStats.of(new MobileNetConfig(0.5, 160));
        String[] lines = CsvReport.layers(s).split("\n");
        List<String> header = Arrays.asList(lines[0].split(","));
        assertEquals(List.of("index", "name", "kind", "kernel", "stride", "input", "output", "macs", "mac_share",
                "params", "bn_params", "output_bytes"), header);
        assertEquals(s.layers().size() + 1, lines.length);
        long macs = 0;
        for (int i = 1; i < lines.length; i++) {
            macs += Long.parseLong(lines[i].split(",")[header.indexOf("macs")]);
        }
        assertEquals(s.totals().macs(), macs);
    }

    @Test
    void tableCarriesTotalsConventionAndPublishedFigures() {
        String t = ReportFormat.TABLE.render(NetworkStats.of(MobileNetConfig.DEFAULT), data);
        assertTrue(t.contains("568.740352"), "total MACs");
        assertTrue(t.contains("Convention: 1 MAC = one multiply-add"), "convention under the table");
        assertTrue(t.contains("Howard et al. 2017 (paper), Tables 4, 6, 7, 8"), t);
        assertTrue(t.contains("keras-applications docstring"), "Keras docstring row, flagged");
        assertTrue(t.contains("MACs [") && t.contains("misprint"), "flag and note");
        // a configuration nobody published has no published block
        String none = ReportFormat.TABLE.render(NetworkStats.of(new MobileNetConfig(0.3, 97)), data);
        assertFalse(none.contains("Published figures"));
        assertTrue(none.contains("Convention:"));
    }

    @Test
    void tableFits120ColumnsOverAWideGrid() {
        List<String> tooWide = new ArrayList<>();
        for (double a : new double[] {0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0}) {
            for (int r : new int[] {32, 128, 224, 512, 1024}) {
                for (boolean conv : new boolean[] {false, true}) {
                    var c = new MobileNetConfig(a, r).withStandardConv(conv);
                    if (!TableReport.fitsWidth(ReportFormat.TABLE.render(NetworkStats.of(c), data))) {
                        tooWide.add(c.label());
                    }
                }
            }
        }
        assertEquals(List.of(), tooWide);
    }

    @Test
    void columnEnumKeysTableAndCsv() {
        NetworkStats s = NetworkStats.of(MobileNetConfig.DEFAULT);
        LayerStats pw = s.layers().get(2);
        assertEquals("25.690112", Column.MACS.cell(pw, s));
        assertEquals("25690112", Column.MACS.raw(pw, s));
        assertEquals("2.048", Column.PARAMS.cell(pw, s));
        assertEquals("pw 1x1", Column.OP.cell(pw, s));
        assertEquals("dw 3x3/2", Column.OP.cell(s.layers().get(3), s));
        for (Column c : Column.values()) {
            assertTrue(c.inTable(Family.V2) || c.inCsv(Family.V2), c.name());
        }
        assertFalse(Column.ELEMENTWISE.inTable() || Column.ELEMENTWISE.inCsv(), "V1's views as before");
    }

    @Test
    void summaryHasOneRowPerConfiguration() {
        List<LabelledStats> rows = List.of(
                new LabelledStats("base", NetworkStats.of(MobileNetConfig.DEFAULT)),
                new LabelledStats(null, NetworkStats.of(new MobileNetConfig(0.25, 128))));
        String table = ReportFormat.TABLE.renderSummary("two", rows, data);
        assertTrue(table.startsWith("two\n\n#  Config"), table);
        assertTrue(table.contains("\n1  1.0-224 "), table);
        assertTrue(table.contains("0.25-128"), table);
        assertTrue(TableReport.fitsWidth(table));
        String csv = ReportFormat.CSV.renderSummary("two", rows, data);
        assertEquals(3, csv.split("\n").length);
        assertTrue(csv.contains("base,1.0,224,1000,slim,5,false,relu6,568740352,4210088,4209088,43776,7,"), csv);
    }
}
