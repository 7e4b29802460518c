package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mobilenetexplorer.cli.Cli.Run;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;

/** {@code analyze} (and the backends' refusals) for V2 and V3. */
class FamiliesCommandTest {

    static Run run(String... args) {
        return Cli.run(args);
    }

    @ParameterizedTest
    @CsvSource({"v2, 1.0, 224, ''", "v2, 1.4, 224, ''", "v2, 0.35, 96, ''", "v3-large, 1.0, 224, ''",
        "v3-large, 0.75, 224, --minimalistic", "v3-small, 1.0, 224, ''", "v3-small, 4.0, 2048, ''",
        "v3-small, 0.1, 32, --minimalistic"})
    void tableRowsAddUpToTheTotalsAndFit(String family, String alpha, String res, String min) {
        Run r = min.isEmpty() ? run("analyze", "--family", family, "--alpha", alpha, "--resolution", res)
                : run("analyze", "--family", family, "--alpha", alpha, "--resolution", res, min);
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        int header = 0;
        while (!lines[header].startsWith(" #  Layer")) {
            header++;
        }
        assertTrue(lines[header].contains("Eltw (K)"));
        BigDecimal macs = BigDecimal.ZERO;
        BigDecimal params = BigDecimal.ZERO;
        BigDecimal bn = BigDecimal.ZERO;
        BigDecimal eltw = BigDecimal.ZERO;
        int layers = 0;
        int blocks = 0;
        int i = header + 2;
        for (; !lines[i].startsWith("---"); i++) {
            String[] c = lines[i].trim().split("\\s+");
            if (!Character.isDigit(lines[i].charAt(1))) {
                blocks++; // a block row: scope, description, shapes, no numbers
                assertTrue(c[0].startsWith("expanded_conv"), lines[i]);
                continue;
            }
            layers++;
            int n = c.length;
            macs = macs.add(new BigDecimal(c[n - 5]));
            params = params.add(new BigDecimal(c[n - 3]));
            bn = bn.add(new BigDecimal(c[n - 2]));
            eltw = eltw.add(new BigDecimal(c[n - 1]));
        }
        String[] total = lines[i + 1].trim().split("\\s+");
        assertEquals(layers + " layers", total[1] + " " + total[2]);
        assertEquals(new BigDecimal(total[3]), macs);
        assertEquals(new BigDecimal(total[5]), params);
        assertEquals(new BigDecimal(total[6]), bn);
        assertEquals(new BigDecimal(total[7]), eltw);
        assertEquals(family.equals("v2") ? 17 : family.equals("v3-large") ? 15 : 11, blocks);
        if (Integer.parseInt(res) <= 224) {
            assertTrue(Arrays.stream(lines).allMatch(l -> l.length() <= 120), "fits 120 columns");
        }
        assertTrue(r.out().contains("residual adds"), "the convention for every family");
        // published figures exactly where a checkpoint or paper row is this configuration (not V3-Large 0.75 minimalistic)
        boolean published = min.isEmpty() && (family.equals("v2") || alpha.equals("1.0"));
        assertEquals(published, r.out().contains("Published figures for " + family + " " + alpha + "-" + res),
                "published figures");
    }

    @Test
    void headingAndByKindNameTheNewKinds() {
        Run r = run("analyze", "--family", "v3-large", "--classes", "1001");
        assertTrue(r.out().startsWith("MobileNet v3-Large 1.0-224 1001cls: width multiplier alpha 1.0"), r.out());
        assertTrue(r.out().contains("216.591040"));
        assertTrue(r.out().contains("Conv DW 3x3/5x5"));
        assertTrue(r.out().contains("SE Conv 1x1"));
        assertTrue(r.out().contains("Add (residual)"));
        assertTrue(r.out().contains("Multiply (SE)"));
        assertTrue(r.out().contains("    squeeze_excite/Conv_1"));
        Run min = run("analyze", "--family", "v3-small", "--minimalistic");
        assertTrue(min.out().startsWith("MobileNet v3-Small minimalistic 1.0-224"), min.out());
        assertFalse(min.out().contains("SE Conv"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "analyze --family v2 --rounding keras|analyze: --rounding keras: applies to family v1 only, not v2",
        "analyze --family v2 --rounding slim|analyze: --rounding slim: applies to family v1 only, not v2",
        "analyze --family v3-large --blocks14 5|analyze: --blocks14 5: applies to family v1 only, not v3-large",
        "analyze --family v3-small --standard-conv|analyze: --standard-conv: applies to family v1 only, not v3-small",
        "analyze --family v2 --activation relu6|analyze: --activation relu6: applies to family v1 only, not v2",
        "analyze --minimalistic|analyze: --minimalistic: applies to families v3-large and v3-small only, not v1",
        "analyze --family v2 --minimalistic|analyze: --minimalistic: applies to families v3-large and v3-small only,"
            + " not v2",
        "analyze --family v5|analyze: --family v5: must be v1, v2, v3-large or v3-small",
        "analyze --family v2 --alpha 0|analyze: --alpha 0.0: must be in (0, 4]",
        "analyze --family v3-small --resolution 31|analyze: --resolution 31: must be an integer in 32..2048",
        "verify --family v2 --minimalistic --backends dl4j|verify: --minimalistic: applies to families v3-large and"
            + " v3-small only, not v2"})
    void badCombinationsExitTwoWithOneLine(String args, String message) {
        Run r = run(args.split(" "));
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(message, r.err().trim());
    }

    /** V1's accuracy sources never give a V2/V3 configuration a value (an estimate never borrows a family). */
    @Test
    void accuracyIsNeverBorrowedFromAnotherFamily(@TempDir Path dir) throws IOException {
        Path preset = dir.resolve("mixed.json");
        Files.writeString(preset, "{\"schemaVersion\": 1, \"name\": \"mixed\", \"configs\": ["
                + "{\"alpha\": 1.0, \"resolution\": 224}, {\"family\": \"v2\", \"alpha\": 1.0, \"resolution\": 224}]}");
        Files.createDirectories(dir.resolve("results"));
        Run r = run("tradeoff", "--preset", preset.toString(), "--results", dir.resolve("results").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("prints no top1 for MobileNet v2 (it prints v1); estimates never borrow"
                + " another family's points"), r.out());
        assertTrue(r.out().contains("residual adds"), "the convention for every family when families mix");
    }

    /** export-onnx writes V2/V3 (the exporter follows the graph: V2's residual adds are Add nodes). */
    @Test
    void exportOnnxWritesEveryFamily(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("v2.onnx");
        Run r = run("export-onnx", "--family", "v2", "--alpha", "0.35", "--resolution", "32", "--out", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + file + ": MobileNet v2 0.35-32, "), r.out());
        var model = onnx.Onnx.ModelProto.parseFrom(Files.readAllBytes(file));
        long adds = model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Add")).count();
        var spec = ArchitectureSpec.of(MobileNetConfig.of(Family.V2, 0.35, 32));
        assertEquals(spec.layers().stream().filter(l -> l.kind() == org.mobilenetexplorer.model.LayerKind.ADD).count(),
                adds);
        assertTrue(adds > 0);
    }

    @Test
    void jsonCarriesTheGraphAndCsvTheElementwiseColumn() throws IOException {
        Run r = run("analyze", "--family", "v2", "--alpha", "0.5", "--resolution", "160", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("v2", root.get("config").get("family").asText());
        assertEquals("v2 0.5-160", root.get("config").get("label").asText());
        JsonNode add = null;
        for (JsonNode l : root.get("layers")) {
            if (l.get("name").asText().equals("expanded_conv_2/add")) {
                add = l;
            }
        }
        assertEquals(2, add.get("inputs").size());
        assertEquals("ADD", add.get("kind").asText());
        assertEquals(17, root.get("blocks").size());
        assertTrue(root.get("totals").get("elementwiseOps").asLong() > 0);
        Run csv = run("analyze", "--family", "v2", "--format", "csv");
        assertTrue(csv.out().startsWith("index,name,kind,kernel,stride,input,output,macs,mac_share,params,bn_params,"
                + "output_bytes,elementwise_ops\n"), csv.out());
        Run v1 = run("analyze", "--format", "csv");
        assertTrue(v1.out().startsWith("index,name,kind,kernel,stride,input,output,macs,mac_share,params,bn_params,"
                + "output_bytes\n"), "V1's CSV as before");
    }

    @Test
    void presetsCarryTheFamily(@TempDir Path dir) throws IOException {
        Path ok = dir.resolve("families.json");
        Files.writeString(ok, "{\"schemaVersion\": 1, \"name\": \"families\", \"configs\": ["
                + "{\"alpha\": 1.0, \"resolution\": 224},"
                + "{\"family\": \"v2\", \"alpha\": 1.4, \"resolution\": 224, \"classes\": 1001},"
                + "{\"family\": \"v3-small\", \"minimalistic\": true, \"alpha\": 1.0, \"resolution\": 224}]}");
        Run r = run("analyze", "--preset", ok.toString(), "--format", "csv");
        assertEquals(0, r.code(), r.err());
        String[] rows = r.out().split("\n");
        assertTrue(rows[0].endsWith(",family,minimalistic"), rows[0]);
        assertTrue(rows[2].startsWith("v2 1.4-224 1001cls,1.4,224,1001,"), rows[2]);
        assertTrue(rows[2].contains(",582197616,6062633,"), rows[2]);
        assertTrue(rows[3].endsWith(",v3-small,true"), rows[3]);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schemaVersion\": 1, \"name\": \"bad\", \"configs\": ["
                + "{\"family\": \"v2\", \"alpha\": 1.0, \"resolution\": 224, \"rounding\": \"slim\"}]}");
        Run b = run("analyze", "--preset", bad.toString());
        assertEquals(2, b.code());
        assertEquals("analyze: --preset " + bad + ": configs[0].rounding = \"slim\": applies to family v1 only, not v2",
                b.err().trim());
        Files.writeString(bad, "{\"schemaVersion\": 1, \"name\": \"bad\", \"configs\": ["
                + "{\"family\": \"v3\", \"alpha\": 1.0, \"resolution\": 224}]}");
        assertEquals("analyze: --preset " + bad + ": configs[0].family = \"v3\": must be v1, v2, v3-large or v3-small",
                run("analyze", "--preset", bad.toString()).err().trim());
        Files.writeString(bad, "{\"schemaVersion\": 1, \"name\": \"bad\", \"configs\": ["
                + "{\"minimalistic\": true, \"alpha\": 1.0, \"resolution\": 224}]}");
        assertEquals("analyze: --preset " + bad + ": configs[0].minimalistic = true: applies to families v3-large and"
                + " v3-small only, not v1", run("analyze", "--preset", bad.toString()).err().trim());
    }
}
