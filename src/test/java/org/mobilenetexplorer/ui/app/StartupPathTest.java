package org.mobilenetexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.Launcher;
import org.mobilenetexplorer.bench.ResultStore;

/**
 * The GUI's start path, as {@code java -jar} runs it (a fresh JVM, headless Monocle, fresh preferences and results
 * folder): the window's first frame, with Explore's layer table filled, comes before any class of the inference
 * engines, the hardware probe, the command line, the ONNX export or the reference forward pass is loaded, and before any other view is
 * built; the other views are built after it. Classes are listed by the JVM itself ({@code -Xlog:class+load}), in
 * order with the start-up trace's lines.
 */
class StartupPathTest {
    /**
     * Families the first frame never needs: their classes cost start-up time (or unpack native libraries). JFreeChart
     * is needed (Explore's shares chart; its viewer's context menu also looks up the SVG and PDF libraries).
     */
    static final List<String> NOT_BEFORE_FIRST_FRAME = List.of(
            "org.nd4j.", "org.deeplearning4j.", "org.bytedeco.", "ai.onnxruntime.", "oshi.", "com.sun.jna.",
            "picocli.", "org.mobilenetexplorer.bench.dl4j.", "org.mobilenetexplorer.bench.onnxruntime.",
            "org.mobilenetexplorer.cli.", "org.mobilenetexplorer.devices.", "org.mobilenetexplorer.onnx.",
            "org.mobilenetexplorer.reference.", "org.mobilenetexplorer.bench.SystemProbe");
    /**
     * The benchmark engine's JVM options for DL4J's worker: plain Java (no ND4J), found through ServiceLoader when
     * the engine is made.
     */
    static final Set<String> ALLOWED = Set.of("org.mobilenetexplorer.bench.dl4j.Dl4jWorkerSettings");
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

    @Test
    void theFirstFrameLoadsNoEngineProbeOrCommandLineClassAndTheOtherViewsComeAfterIt(@TempDir Path dir)
            throws Exception {
        List<String> lines = startGui(dir);
        int firstFrame = indexOf(lines, StartupTrace.PREFIX + StartupTrace.FIRST_FRAME + "-ms=");
        int viewsBuilt = indexOf(lines, StartupTrace.PREFIX + StartupTrace.VIEWS_BUILT + "-ms=");
        assertTrue(firstFrame >= 0, "no first frame; the app said:\n" + String.join("\n", tail(lines)));
        assertTrue(viewsBuilt > firstFrame, "the other views are built after the first frame:\n"
                + String.join("\n", tail(lines)));
        List<String> before = new ArrayList<>();
        boolean layerTable = false;
        for (String line : lines.subList(0, firstFrame)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                String cls = m.group(1);
                layerTable |= cls.equals("org.mobilenetexplorer.ui.explore.ExploreView");
                if (NOT_BEFORE_FIRST_FRAME.stream().anyMatch(cls::startsWith) && !ALLOWED.contains(cls)) {
                    before.add(cls);
                }
            }
        }
        assertTrue(layerTable, "the class-load log was read (Explore's view is loaded before the first frame)");
        assertEquals(List.of(), before, "loaded before the first frame");
        // only Explore's view is built before the first frame (the phases printed with it name each view built)
        List<String> phases = lines.subList(firstFrame, lines.size()).stream()
                .filter(l -> l.startsWith(StartupTrace.PREFIX + "  "))
                .map(l -> l.substring(StartupTrace.PREFIX.length()).strip().split("\\s+")[0]).toList();
        assertTrue(phases.contains(AppView.EXPLORE.id()), "phases: " + phases);
        for (AppView v : AppView.values()) {
            assertEquals(v == AppView.EXPLORE, phases.contains(v.id()), v + " built before the first frame: " + phases);
        }
    }

    /** Starts the GUI as {@code java -jar} would, until it quits after building every view; its stderr lines. */
    private static List<String> startGui(Path dir) throws IOException, InterruptedException {
        Path prefs = Files.createDirectories(dir.resolve("prefs"));
        Path log = dir.resolve("out.txt");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Xlog:class+load=info:stderr", "-cp", System.getProperty("java.class.path"),
                "-Djava.util.prefs.userRoot=" + prefs, "-Duser.home=" + dir,
                "-D" + ResultStore.DIRECTORY_PROPERTY + "=" + dir.resolve("results"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true",
                "-D" + StartupTrace.PROPERTY + "=true", "-D" + StartupTrace.EXIT_PROPERTY + "=views",
                Launcher.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the GUI did not quit within 5 minutes:\n"
                    + String.join("\n", tail(Files.readAllLines(log, StandardCharsets.UTF_8))));
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> tail(List<String> lines) {
        List<String> text = lines.stream().filter(l -> !l.contains("[class,load]")).toList();
        return text.subList(Math.max(0, text.size() - 40), text.size());
    }
}
