package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mobilenetexplorer.chart.ChartExport;
import org.mobilenetexplorer.chart.ExportFormat;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * Bounded options (issue 12, item 3): every numeric option of every command has an upper limit, refused before any
 * work in one line naming the option, the value as given and the rule (exit 2).
 */
class OptionLimitsTest {
    @TempDir
    static Path dir;

    /** {@code command args...|expected stderr line}; {@code DIR} is a temporary folder. */
    @ParameterizedTest
    @ValueSource(strings = {
        "bench --backend fake --threads 1025|bench: --threads 1025: must be in 0..1024 (0 = all cores)",
        "bench --backend fake --min-runs 1000001|bench: --min-runs 1000001: must be in 1..1000000",
        "bench --backend fake --min-runs 99999999999|bench: Invalid value for option '--min-runs': '99999999999' is not"
                + " an int",
        "bench --backend fake --warmup-runs 1000001|bench: --warmup-runs 1000001: must be in 0..1000000",
        "bench --backend fake --max-time 9999999999999m|bench: --max-time 9999999999999m: must be at most 1 day"
                + " (86400s)",
        "bench --backend fake --min-time 1e300|bench: --min-time 1e300: must be at most 1 day (86400s)",
        "bench --backend fake --warmup-time 86401s|bench: --warmup-time 86401s: must be at most 1 day (86400s)",
        "bench --backend fake --max-time 9999999999999d|bench: --max-time 9999999999999d: must be a time like 500ms,"
                + " 2s, 1.5 (seconds) or 1m",
        "bench --backend fake --forks 21|bench: --forks 21: must be in 1..20 (each fork is a fresh worker JVM running"
                + " the whole protocol)",
        "bench --backend fake --batch 4097|bench: --batch 4097: must be in 1..4096",
        "bench --backend fake --profile-layers 100001|bench: --profile-layers 100001: must be in 0..100000 (0 = no"
                + " profile)",
        "sweep --backend fake --alphas 1 --resolutions 96 --threads 2000|sweep: --threads 2000: must be in 0..1024 (0 ="
                + " all cores)",
        "export-onnx --batch 4097 --out DIR/m.onnx|export-onnx: --batch 4097: must be in 0..4096 (0 = symbolic)",
        "analyze --alpha 4.0000001|analyze: --alpha 4.0000001: must be in (0, 4]",
        "analyze --alpha 4.0000000000000001|analyze: Invalid value for option '--alpha': '4.0000000000000001': more"
                + " digits than a double holds (it would be read as 4.0)",
        "analyze --alpha 1e-400|analyze: Invalid value for option '--alpha': '1e-400': too small for a double (it would"
                + " be read as 0)",
        "sweep --backend fake --alphas 0.5,1e-400 --resolutions 96|sweep: --alphas 1e-400: too small for a double (it"
                + " would be read as 0)",
        "analyze --classes 100001|analyze: --classes 100001: must be an integer in 1..100000",
        "analyze --resolution 2049|analyze: --resolution 2049: must be an integer in 32..2048",
        "chart --out DIR/c.png --width 10001|chart: --width 10001: must be in 200..10000",
        "chart --out DIR/c.png --height 149|chart: --height 149: must be in 150..10000",
        "chart --out DIR/c.png --scale 4.5|chart: --scale 4.5: must be in 0.5..4.0",
        "chart --out DIR/c.svg --scale 2|chart: --scale 2.0: applies to .png output only (a svg file has no pixels)",
        "chart --type layers --out DIR/c.png --title T|chart: --title T: applies to --type tradeoff only, not layers",
        "chart --type shares --out DIR/c.png --no-labels|chart: --no-labels: applies to --type tradeoff only, not"
                + " shares",
        "tradeoff --iso-cost 1.0-224 --tolerance 101|tradeoff: --tolerance 101.0: must be in 0..100",
        "sweep --backend fake --alphas , --resolutions 96|sweep: --alphas (empty): give at least one value",
        "calibrate --resolutions ,|calibrate: --resolutions (empty): give at least one value",
        "verify --backends ,|verify: --backends (empty): give at least one value",
        "bench --backend fake --precision ,|bench: --precision (empty): give at least one value",
        "analyze --alpha 0x1p-1|analyze: Invalid value for option '--alpha': '0x1p-1': not a decimal number",
        "analyze --alpha 0.5f|analyze: Invalid value for option '--alpha': '0.5f': not a decimal number",
        "bench --backend fake --min-time 2d|bench: --min-time 2d: must be a time like 500ms, 2s, 1.5 (seconds) or 1m",
        "sweep --backend fake --alphas 0x1p-1 --resolutions 96|sweep: --alphas 0x1p-1: not a decimal number",
        "tradeoff --iso-cost 0x1p-1-224|tradeoff: --iso-cost 0x1p-1-224: expected ALPHA-RESOLUTION, e.g. 0.75-224",
    })
    void everyLimitIsOneLineNamingOptionValueAndRule(String caseText) {
        String[] parts = caseText.split("\\|");
        String[] args = parts[0].replace("DIR", dir.toString()).split(" ");
        Cli.Run r = Cli.withFake(args);
        assertEquals(2, r.code(), () -> parts[0] + " -> " + r.out() + r.err());
        assertEquals(List.of(parts[1]), r.errLines());
    }

    @Test
    void aTitleBeyondTheLimitIsCutInTheMessageWithItsLength() {
        String title = "x".repeat(5000);
        Cli.Run r = Cli.run("chart", "--preset", "slim-grid-16", "--out", dir.resolve("t.png").toString(), "--title",
                title);
        assertEquals(2, r.code());
        assertEquals(List.of("chart: --title " + "x".repeat(80) + "... (5000 characters): 5000 characters, at most 200"),
                r.errLines());
    }

    @Test
    void gridsBeyondTenThousandConfigurationsAreRefusedBeforeTheyAreBuilt() {
        String alphas = String.join(",", java.util.Collections.nCopies(200, "0.5"));
        String resolutions = String.join(",", java.util.Collections.nCopies(100, "96"));
        Cli.Run sweep = Cli.withFake("sweep", "--backend", "fake", "--alphas", alphas, "--resolutions", resolutions,
                "--results", dir.toString());
        assertEquals(List.of("sweep: --alphas (200 values) x --resolutions (100 values) x --family (1 value): 20000"
                + " configurations: at most 10000 in one command"), sweep.errLines());
        Cli.Run iso = Cli.run("tradeoff", "--iso-cost", "1.0-224", "--alphas", alphas, "--resolutions", resolutions);
        assertEquals(List.of("tradeoff: --alphas (200 values) x --resolutions (100 values): 20000 configurations: at"
                + " most 10000 in one command"), iso.errLines());
        Cli.Run calibrate = Cli.run("calibrate", "--alphas", alphas, "--resolutions", resolutions, "--results",
                dir.toString());
        assertEquals(List.of("calibrate: --alphas (200 values) x --resolutions (100 values) x 4 families (default):"
                + " 80000 configurations: at most 10000 in one command"), calibrate.errLines());
    }

    @Test
    void aPngThatCannotFitInMemoryIsRefusedWithTheNeed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartExport.checkSize(ExportFormat.PNG, 10_000, 10_000, 4, 2_000_000_000L));
        assertEquals("--width 10000 --height 10000 --scale 4.0: a 40000x40000 PNG needs 6.5 GB of memory, 2.0 GB"
                + " available: use a smaller --width, --height or --scale (or .svg or .pdf)", e.getMessage());
        ChartExport.checkSize(ExportFormat.SVG, 10_000, 10_000, 4, 2_000_000_000L); // vector: no pixels
        ChartExport.checkSize(ExportFormat.PNG, 1000, 800, 2, 2_000_000_000L);
    }

    @Test
    void alphaIsShownAsGivenNeverRoundedToAnotherNumber() {
        assertEquals("0.75", MobileNetConfig.fmt(0.75));
        assertEquals("1.0", MobileNetConfig.fmt(1.0));
        assertEquals("0.1234567", MobileNetConfig.fmt(0.1234567));
        assertEquals("4.0000001", MobileNetConfig.fmt(4.0000001));
        assertEquals("0.0000001", MobileNetConfig.fmt(1e-7));
        assertEquals("1.0E-300", MobileNetConfig.fmt(1e-300));
        for (double a : new double[] {0.1234567, 1e-300, 3.9999999999999996, 0.30000000000000004, 1e-9}) {
            assertEquals(a, Double.parseDouble(MobileNetConfig.fmt(a)), "reads back: " + MobileNetConfig.fmt(a));
        }
        Cli.Run r = Cli.run("analyze", "--alpha", "1e-300", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        Cli.Run t = Cli.run("analyze", "--alpha", "1e-300");
        assertTrue(t.out().startsWith("MobileNet v1 1.0E-300-224: width multiplier alpha 1.0E-300,"), t.out());
    }
}
