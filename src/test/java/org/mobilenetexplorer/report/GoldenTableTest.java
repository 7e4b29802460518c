package org.mobilenetexplorer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.published.PublishedData;

/**
 * Golden files of the rendered table ({@code src/test/resources/golden}). They change only on purpose:
 * {@code mvn test -Dtest=GoldenTableTest -Dgolden.update=true} rewrites them; review the diff before committing.
 * Every golden check also parses the printed table and checks that the rows add up to the printed totals.
 */
class GoldenTableTest {
    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    static MobileNetConfig config(String name) {
        return switch (name) {
            case "1.0-224" -> MobileNetConfig.DEFAULT;
            case "0.75-128" -> new MobileNetConfig(0.75, 128);
            case "0.125-97-keras-shallow" -> new MobileNetConfig(0.125, 97).withRounding(ChannelRounding.KERAS)
                    .withBlocks14(0);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0-224", "0.75-128", "0.125-97-keras-shallow"})
    void renderedTableMatchesGoldenFile(String name) throws IOException {
        String rendered = TableReport.render(NetworkStats.of(config(name)), PublishedData.bundled());
        Path golden = DIR.resolve("analyze-" + name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(golden, rendered);
        }
        assertEquals(Files.readString(golden), rendered, "golden file " + golden
                + " differs; if the change is intended, rerun with -Dgolden.update=true and review the diff");
        assertRowsAddUpToPrintedTotal(rendered);
        assertTrue(TableReport.fitsWidth(rendered), "fits 120 columns");
    }

    /** Parses the layer table: the MACs, params and BN columns of the rows sum to the totals row. */
    static void assertRowsAddUpToPrintedTotal(String rendered) {
        String[] lines = rendered.split("\n");
        int header = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(" #  Layer")) {
                header = i;
                break;
            }
        }
        assertTrue(header >= 0, "layer table header");
        List<String[]> rows = new ArrayList<>();
        int i = header + 2;
        for (; !lines[i].startsWith("---"); i++) {
            rows.add(lines[i].trim().split("\\s+"));
        }
        String[] total = lines[i + 1].trim().split("\\s+");
        assertEquals("Total", total[0]);
        assertEquals(rows.size() + " layers", total[1] + " " + total[2]);
        BigDecimal macs = BigDecimal.ZERO;
        BigDecimal share = BigDecimal.ZERO;
        BigDecimal params = BigDecimal.ZERO;
        BigDecimal bn = BigDecimal.ZERO;
        for (String[] r : rows) {
            int n = r.length;
            macs = macs.add(new BigDecimal(r[n - 5]));
            share = share.add(new BigDecimal(r[n - 4]));
            params = params.add(new BigDecimal(r[n - 3]));
            bn = bn.add(new BigDecimal(r[n - 2]));
        }
        int n = total.length;
        assertEquals(new BigDecimal(total[n - 4]), macs, "MACs rows vs total");
        assertEquals(new BigDecimal(total[n - 2]), params, "params rows vs total");
        assertEquals(new BigDecimal(total[n - 1]), bn, "BN rows vs total");
        assertTrue(share.subtract(new BigDecimal(total[n - 3])).abs().compareTo(new BigDecimal("0.01").multiply(
                BigDecimal.valueOf(rows.size()))) <= 0, "shares " + share);
    }
}
