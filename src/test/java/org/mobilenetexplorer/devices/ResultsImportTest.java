package org.mobilenetexplorer.devices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.Device;
import org.mobilenetexplorer.bench.EnvironmentProbe;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.predict.CalibrationGrid;
import org.mobilenetexplorer.predict.DeviceProfile;
import org.mobilenetexplorer.predict.DeviceProfiles;
import org.mobilenetexplorer.predict.Precision;
import org.mobilenetexplorer.predict.SyntheticProfiles;
import org.mobilenetexplorer.tradeoff.TradeoffAnalysisTest;

/** import-results: foreign, duplicate, corrupt and malicious inputs. */
class ResultsImportTest {

    /** A result measured on another machine: an ARM board running Linux. */
    static BenchmarkResult foreign(String id, MobileNetConfig c, double... samples) {
        BenchmarkResult r = TradeoffAnalysisTest.result(id, c, "onnxruntime", 1, samples);
        Map<String, String> env = new LinkedHashMap<>(r.environment());
        env.put(EnvironmentProbe.CPU_MODEL, "Cortex-A76");
        env.put(EnvironmentProbe.OS, "Linux 6.6.31+rpt-rpi-2712 aarch64");
        env.put(EnvironmentProbe.PHYSICAL_CORES, "4");
        return r.toBuilder().environment(env).build();
    }

    private static Path otherMachine(Path root) throws IOException {
        Path other = Files.createDirectories(root.resolve("pi5"));
        ResultStore store = new ResultStore(other);
        store.save(foreign("20261130T080000.000Z-onnxruntime-1.0-224-b1", new MobileNetConfig(1.0, 224), 40, 41, 42));
        store.save(foreign("20261130T080100.000Z-onnxruntime-0.5-160-b1", new MobileNetConfig(0.5, 160), 8, 9, 10));
        DeviceProfile p = SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.03, 5);
        Map<String, String> env = new LinkedHashMap<>(p.environment());
        env.put(EnvironmentProbe.CPU_MODEL, "Cortex-A76");
        DeviceProfiles.write(new DeviceProfile(p.format(), p.schemaVersion(), p.backend(), p.precision(), p.created(),
                env, p.protocol(), p.grid(), p.elapsedSeconds(), p.loadAverage(), p.networks()),
                DeviceProfiles.file(other, "onnxruntime", Precision.FP32));
        return other;
    }

    @Test
    void foreignResultsKeepTheirEnvironmentAndProfilesNeverReplaceOurs(@TempDir Path root) throws Exception {
        Path ours = Files.createDirectories(root.resolve("results"));
        ResultStore mine = new ResultStore(ours);
        BenchmarkResult local = TradeoffAnalysisTest.result("20261130T070000.000Z-onnxruntime-1.0-224-b1",
                new MobileNetConfig(1.0, 224), "onnxruntime", 1, 10, 11, 12);
        mine.save(local);
        DeviceProfile ourProfile = SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.01, 9);
        Path ourProfileFile = DeviceProfiles.file(ours, "onnxruntime", Precision.FP32);
        DeviceProfiles.write(ourProfile, ourProfileFile);
        byte[] ourProfileBytes = Files.readAllBytes(ourProfileFile);

        ResultsImport.Report r = ResultsImport.run(otherMachine(root), ours);
        assertEquals(3, r.count(ResultsImport.Outcome.IMPORTED), r.items().toString());
        assertEquals(0, r.count(ResultsImport.Outcome.SKIPPED), r.items().toString());
        List<BenchmarkResult> all = ResultStore.loadAll(ours).results();
        assertEquals(3, all.size());
        assertEquals(List.of("Cortex-A76, Linux aarch64", "Test CPU 2.0GHz"),
                all.stream().map(Device::of).distinct().map(Device::label).sorted().toList());
        assertEquals("4", all.stream().filter(x -> x.id().startsWith("20261130T080000")).findFirst().orElseThrow()
                .environment().get(EnvironmentProbe.PHYSICAL_CORES), "the environment record is kept as written");
        assertArrayEquals(ourProfileBytes, Files.readAllBytes(ourProfileFile), "this machine's profile untouched");
        try (Stream<Path> imported = Files.list(ours.resolve("device-profiles").resolve(ResultsImport.IMPORTED))) {
            List<Path> files = imported.toList();
            assertEquals(1, files.size());
            assertTrue(files.get(0).getFileName().toString().startsWith("onnxruntime-fp32-cortex-a76-"),
                    files.toString());
            assertEquals("Cortex-A76", DeviceProfiles.read(files.get(0)).cpu());
        }
    }

    @Test
    void duplicatesAreRecognisedAndNothingIsOverwritten(@TempDir Path root) throws Exception {
        Path ours = Files.createDirectories(root.resolve("results"));
        Path other = otherMachine(root);
        ResultsImport.run(other, ours);
        // the same folder again: every file a duplicate
        ResultsImport.Report again = ResultsImport.run(other, ours);
        assertEquals(3, again.count(ResultsImport.Outcome.DUPLICATE), again.items().toString());
        assertEquals(0, again.count(ResultsImport.Outcome.IMPORTED));
        assertTrue(again.items().get(0).toString().startsWith("duplicate "), again.items().get(0).toString());

        // a different result under an id already present: refused, the present file unchanged
        Path third = Files.createDirectories(root.resolve("third"));
        String id = "20261130T080000.000Z-onnxruntime-1.0-224-b1";
        new ResultStore(third).save(foreign(id, new MobileNetConfig(1.0, 224), 50, 51, 52));
        byte[] before = Files.readAllBytes(ours.resolve(id + ".json"));
        ResultsImport.Report clash = ResultsImport.run(third, ours);
        assertEquals(1, clash.count(ResultsImport.Outcome.SKIPPED));
        assertTrue(clash.items().get(0).detail().contains("not overwritten"), clash.items().toString());
        assertArrayEquals(before, Files.readAllBytes(ours.resolve(id + ".json")));

        // the same result twice in one import: the second is a duplicate
        Path twice = Files.createDirectories(root.resolve("twice"));
        BenchmarkResult x = foreign("20261130T090000.000Z-onnxruntime-0.25-128-b1", new MobileNetConfig(0.25, 128),
                1, 2, 3);
        ResultStore.write(x, twice.resolve("a.json"));
        ResultStore.write(x, twice.resolve("b.json"));
        ResultsImport.Report t = ResultsImport.run(twice, ours);
        assertEquals(List.of(ResultsImport.Outcome.IMPORTED, ResultsImport.Outcome.DUPLICATE),
                t.items().stream().map(ResultsImport.Item::outcome).toList());
    }

    @Test
    void corruptAndForeignFilesAreNamedAndSkipped(@TempDir Path root) throws Exception {
        Path ours = Files.createDirectories(root.resolve("results"));
        Path src = otherMachine(root);
        Files.writeString(src.resolve("broken.json"), "{not json");
        Files.writeString(src.resolve("package.json"), "{\"name\": \"left-pad\"}");
        Files.write(src.resolve("latin1.json"), "{\"x\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        String good = Files.readString(src.resolve("20261130T080100.000Z-onnxruntime-0.5-160-b1.json"));
        Files.writeString(src.resolve("tampered.json"), good.replace("20261130T080100.000Z", "20261130T080200.000Z")
                .replaceFirst("\"median\" ?: ?9\\.0", "\"median\":9.5"));
        Files.writeString(src.resolve("device-profiles").resolve("dl4j-fp32.json"),
                "{\"format\": \"" + DeviceProfile.FORMAT + "\", \"schemaVersion\": 99}");
        ResultsImport.Report r = ResultsImport.run(src, ours);
        assertEquals(3, r.count(ResultsImport.Outcome.IMPORTED), r.items().toString());
        Map<String, String> skipped = new LinkedHashMap<>();
        r.items().stream().filter(i -> i.outcome() == ResultsImport.Outcome.SKIPPED)
                .forEach(i -> skipped.put(i.name(), i.detail()));
        assertEquals(5, skipped.size(), skipped.toString());
        assertTrue(skipped.get("broken.json").startsWith("not valid JSON"), skipped.toString());
        assertTrue(skipped.get("package.json").startsWith("not a benchmark result"), skipped.toString());
        assertTrue(skipped.get("latin1.json").startsWith("not UTF-8"), skipped.toString());
        assertTrue(skipped.get("tampered.json").contains("does not match samplesMs"), skipped.toString());
        assertTrue(skipped.get(Path.of("device-profiles", "dl4j-fp32.json").toString()).contains("schemaVersion"),
                skipped.toString());
        assertEquals(2, ResultStore.loadAll(ours).results().size(), "two results imported, nothing corrupt");
    }

    @Test
    void zipImportsLikeTheFolder(@TempDir Path root) throws Exception {
        Path ours = Files.createDirectories(root.resolve("results"));
        Path other = otherMachine(root);
        Path zip = root.resolve("pi5-results.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.walk(other)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry("results/" + other.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("__MACOSX/results/._x.json"));
            z.write(new byte[] {0, 1, 2});
            z.closeEntry();
        }
        ResultsImport.Report r = ResultsImport.run(zip, ours);
        assertEquals(3, r.count(ResultsImport.Outcome.IMPORTED), r.items().toString());
        assertEquals(0, r.count(ResultsImport.Outcome.SKIPPED), r.items().toString());
        assertTrue(r.items().get(0).name().startsWith("pi5-results.zip:results/"), r.items().toString());
        assertEquals(3, ResultsImport.run(zip, ours).count(ResultsImport.Outcome.DUPLICATE));
    }

    @Test
    void maliciousArchivesAreBounded(@TempDir Path root) throws Exception {
        Path ours = Files.createDirectories(root.resolve("results"));
        byte[] good = ResultStore.toJson(foreign("20261130T100000.000Z-onnxruntime-1.0-224-b1",
                new MobileNetConfig(1.0, 224), 3, 4, 5)).getBytes(StandardCharsets.UTF_8);
        Path zip = root.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("../../escaped.json", "/etc/cron.d/x.json", "C:/Windows/x.json",
                    "a\\..\\b.json", "ok/../../x.json")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(good);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("bomb.json")); // 4 MB of spaces, a few kB compressed
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 4; i++) {
                z.write(spaces);
            }
            z.closeEntry();
            z.putNextEntry(new ZipEntry("fine.json"));
            z.write(good);
            z.closeEntry();
        }
        ResultsImport.Limits small = new ResultsImport.Limits(100, 1_000_000, 3_000_000);
        ResultsImport.Report r = ResultsImport.run(zip, ours, small);
        List<String> lines = r.items().stream().map(ResultsImport.Item::toString).toList();
        assertEquals(5, lines.stream().filter(l -> l.contains("zip slip")).count(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("skipped evil.zip:bomb.json: too large")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("imported evil.zip:fine.json")), lines.toString());
        assertFalse(Files.exists(root.resolve("escaped.json")));
        try (Stream<Path> files = Files.list(ours)) {
            assertEquals(1, files.count(), "only the one good result was written");
        }
        // more entries than allowed: refused whole, nothing written
        Path ours2 = Files.createDirectories(root.resolve("results2"));
        ResultsImport.ImportException e = assertThrows(ResultsImport.ImportException.class,
                () -> ResultsImport.run(zip, ours2, new ResultsImport.Limits(3, 1_000_000, 3_000_000)));
        assertTrue(e.getMessage().contains("7 entries (the limit is 3)"), e.getMessage());
        // the total bound stops a long archive of small files
        ResultsImport.Report total = ResultsImport.run(zip, ours2, new ResultsImport.Limits(100, 5_000_000, 10_000));
        assertTrue(total.items().stream().anyMatch(i -> i.detail().startsWith("stopped: more than")),
                total.items().toString());
    }

    @Test
    void badSourcesFailInOneLine(@TempDir Path root) throws Exception {
        Path ours = Files.createDirectories(root.resolve("results"));
        Path notZip = Files.writeString(root.resolve("results.zip"), "not a zip");
        assertTrue(assertThrows(ResultsImport.ImportException.class, () -> ResultsImport.run(notZip, ours))
                .getMessage().contains("not a readable ZIP archive"));
        Path txt = Files.writeString(root.resolve("notes.txt"), "x");
        assertTrue(assertThrows(ResultsImport.ImportException.class, () -> ResultsImport.run(txt, ours))
                .getMessage().endsWith("not a directory or a .zip file (a regular file)"));
        assertTrue(assertThrows(ResultsImport.ImportException.class,
                () -> ResultsImport.run(root.resolve("missing"), ours)).getMessage().endsWith(": not found"));
        assertTrue(assertThrows(ResultsImport.ImportException.class, () -> ResultsImport.run(ours, ours))
                .getMessage().contains("the results folder itself"));
        for (String m : List.of(ResultsImport.unsafeName("x/../y.json"), ResultsImport.unsafeName("/x.json"))) {
            assertFalse(m.contains("\n"));
        }
        assertEquals(null, ResultsImport.unsafeName("results/device-profiles/a..b.json"));
        try (OutputStream o = Files.newOutputStream(root.resolve("empty.zip"))) {
            new ZipOutputStream(o).close();
        }
        assertEquals(0, ResultsImport.run(root.resolve("empty.zip"), ours).items().size());
    }
}
