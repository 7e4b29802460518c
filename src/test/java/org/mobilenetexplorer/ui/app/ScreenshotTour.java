package org.mobilenetexplorer.ui.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.Presets;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.ui.benchmark.BenchmarkViewModel;
import org.mobilenetexplorer.ui.common.Theme;
import org.mobilenetexplorer.ui.tradeoff.TradeoffViewModel;

/**
 * Visits every view as a user would and saves a snapshot of the scene per view: the real app, real numbers, a
 * real benchmark of four TF-Slim checkpoints' configurations (ONNX Runtime, forked worker) into a temporary
 * results folder. A tool, not part of the app: it lives in the test tree and runs through
 * {@code scripts/screenshots.sh} ({@link ScreenshotMain}).
 */
final class ScreenshotTour {
    private static final List<String> MEASURED = List.of("1.0-224", "0.75-192", "0.5-160", "0.25-128");
    private final Stage stage;
    private final MainViewModel main;
    private final ExplorerWindow window;
    private final Path dir;
    private final Deque<Step> steps = new ArrayDeque<>();

    /** An action, then wait until {@code ready} before the next step. */
    private record Step(Runnable action, BooleanSupplier ready) {
    }

    ScreenshotTour(Stage stage, ExplorerWindow window, Path dir) {
        this.stage = stage;
        this.window = window;
        this.main = window.main();
        this.dir = dir;
    }

    void start() {
        Preset grid = Presets.bundled(TradeoffViewModel.DEFAULT_CANDIDATES);
        BenchmarkViewModel bench = window.benchmark();
        TradeoffViewModel tradeoff = window.tradeoffs();
        step(() -> {
            window.presets().usePreset(grid);
            window.config().load(new MobileNetConfig(0.75, 192));
            main.viewProperty().set(AppView.EXPLORE);
            window.explore().selectedLayerProperty().set("Conv2d_7_depthwise");
        });
        shoot("explore");
        step(() -> {
            window.config().load(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224));
            window.explore().selectedRowProperty().set("expanded_conv_12");
        });
        shoot("explore-v3-large");
        if (Boolean.getBoolean("mne.screenshots.walkthrough")) {
            walkthrough();
        }
        if (Boolean.getBoolean("mne.screenshots.exploreOnly")) {
            step(Platform::exit);
            next();
            return;
        }
        step(() -> window.config().load(new MobileNetConfig(0.75, 192)));
        if (Boolean.parseBoolean(System.getProperty("mne.screenshots.benchmark", "true"))) {
            step(() -> {
                main.viewProperty().set(AppView.BENCHMARK);
                bench.modeProperty().set(BenchmarkViewModel.Mode.QUICK);
                bench.profileLayersProperty().set(true);
                List<MobileNetConfig> four = grid.configs().stream().map(PresetEntry::config)
                        .filter(c -> MEASURED.contains(MobileNetConfig.fmt(c.alpha()) + "-" + c.resolution())).toList();
                window.config().backendProperty().set("onnxruntime");
                bench.run(four, "onnxruntime");
            }, () -> bench.runningProperty().get() && bench.phaseProperty().get().contains("(2/4)"));
            shoot("benchmark-running");
            step(() -> { }, () -> !bench.runningProperty().get());
            step(() -> bench.selectedProperty().set(bench.results().stream()
                    .filter(r -> r.result().config().alpha() == 1.0).findFirst().orElse(null)));
            shoot("benchmark");
        } else {
            // -Dmne.screenshots.benchmark=false: a quick walkthrough without measuring (views without results)
            step(() -> main.viewProperty().set(AppView.BENCHMARK));
            shoot("benchmark");
        }
        step(() -> {
            tradeoff.axisProperty().set(CostAxis.LATENCY);
            main.viewProperty().set(AppView.TRADEOFFS);
        }, () -> tradeoff.analysisProperty().get() != null
                && tradeoff.analysisProperty().get().axis() == CostAxis.LATENCY
                || !Boolean.parseBoolean(System.getProperty("mne.screenshots.benchmark", "true")));
        shoot("tradeoffs");
        step(() -> tradeoff.axisProperty().set(CostAxis.MACS),
                () -> tradeoff.analysisProperty().get().axis() == CostAxis.MACS);
        shoot("tradeoffs-macs");
        step(() -> {
            for (PresetEntry e : grid.configs()) {
                if (MEASURED.contains(MobileNetConfig.fmt(e.config().alpha()) + "-" + e.config().resolution())) {
                    window.compare().pin(e.config());
                }
            }
            main.viewProperty().set(AppView.COMPARE);
        });
        shoot("compare");
        step(() -> main.viewProperty().set(AppView.LEARN));
        shoot("learn");
        step(() -> main.presentationProperty().set(true));
        shoot("learn-presentation");
        families("");
        // every view again in the dark theme
        step(() -> {
            main.presentationProperty().set(false);
            main.themeProperty().set(Theme.DARK);
        });
        shoot("learn-dark");
        for (AppView v : List.of(AppView.EXPLORE, AppView.BENCHMARK, AppView.TRADEOFFS, AppView.COMPARE)) {
            step(() -> main.viewProperty().set(v));
            shoot(v.name().toLowerCase(java.util.Locale.ROOT) + "-dark");
        }
        step(() -> main.presentationProperty().set(true));
        shoot("compare-presentation-dark");
        step(Platform::exit);
        next();
    }

    /**
     * -Dmne.screenshots.walkthrough=true: what a new user's walkthrough looks at beyond the published set: Explore on
     * every other family (V2, V3-Small, both minimalistic), the widest V1 (alpha 2.5 at 1024 px with standard
     * convolutions: the longest totals), Explore in presentation mode and back, each shot as walk-*.png.
     */
    private void walkthrough() {
        List<MobileNetConfig> configs = List.of(MobileNetConfig.of(Family.V2, 1.4, 224),
                MobileNetConfig.of(Family.V3_SMALL, 1.0, 224),
                new MobileNetConfig(Family.V3_LARGE, 1.0, 224, 1000, org.mobilenetexplorer.model.ChannelRounding.SLIM,
                        MobileNetConfig.MAX_BLOCKS14, false, org.mobilenetexplorer.model.Activation.RELU6, true),
                new MobileNetConfig(Family.V3_SMALL, 0.75, 160, 1000, org.mobilenetexplorer.model.ChannelRounding.SLIM,
                        MobileNetConfig.MAX_BLOCKS14, false, org.mobilenetexplorer.model.Activation.RELU6, true),
                new MobileNetConfig(Family.V1, 2.5, 1024, 1001, org.mobilenetexplorer.model.ChannelRounding.SLIM,
                        MobileNetConfig.MAX_BLOCKS14, true, org.mobilenetexplorer.model.Activation.RELU6, false));
        for (MobileNetConfig c : configs) {
            step(() -> window.config().load(c));
            shoot("walk-explore-" + c.family().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + (c.minimalistic() ? "-min" : "") + "-" + MobileNetConfig.fmt(c.alpha()) + "-" + c.resolution());
        }
        step(() -> {
            window.config().load(new MobileNetConfig(0.75, 192));
            main.presentationProperty().set(true);
        });
        shoot("walk-explore-presentation");
        step(() -> main.presentationProperty().set(false));
        shoot("walk-explore-after-presentation");
    }

    /** Compare of V1 and V3-Large, Learn on a V2 inverted residual and on a V3 squeeze-and-excite block. */
    private void families(String suffix) {
        step(() -> {
            main.presentationProperty().set(false);
            window.config().load(MobileNetConfig.DEFAULT);
            window.compare().clear();
            window.compare().pin(MobileNetConfig.DEFAULT);
            window.compare().pin(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224));
            main.viewProperty().set(AppView.COMPARE);
        });
        shoot("compare-families" + suffix);
        step(() -> {
            window.config().load(MobileNetConfig.of(Family.V2, 1.0, 224));
            window.explore().selectedLayerProperty().set("expanded_conv_2/expand");
            main.viewProperty().set(AppView.LEARN);
        });
        shoot("learn-inverted-residual" + suffix);
        step(() -> {
            window.config().load(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224));
            window.explore().selectedLayerProperty().set("expanded_conv_10/depthwise");
            main.viewProperty().set(AppView.LEARN);
        });
        step(() -> scrollTo("#learn-figure-1")); // the squeeze-and-excite drawing, its explanation below
        shoot("learn-squeeze-excite" + suffix);
        step(() -> scrollTo("#learn-figure-0"));
    }

    /** Scrolls the view holding {@code id} so that node is near the top. */
    private void scrollTo(String id) {
        javafx.scene.Node n = stage.getScene().lookup(id);
        javafx.scene.Node p = n;
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        if (n == null || p == null) {
            System.err.println("screenshot tour: no scroll pane around " + id);
            return;
        }
        javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane) p;
        javafx.geometry.Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
        sp.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (b.getMinY() - 50) / room)));
    }

    private void step(Runnable action) {
        steps.add(new Step(action, () -> true));
    }

    private void step(Runnable action, BooleanSupplier ready) {
        steps.add(new Step(action, ready));
    }

    private void shoot(String name) {
        step(() -> save(name));
    }

    private void next() {
        Step s = steps.poll();
        if (s == null) {
            return;
        }
        s.action().run();
        waitFor(s.ready(), 0);
    }

    /** Polls every 250 ms (up to 20 minutes), then lets charts and tables settle for a second. */
    private void waitFor(BooleanSupplier ready, int polls) {
        PauseTransition p = new PauseTransition(Duration.millis(ready.getAsBoolean() ? 1200 : 250));
        p.setOnFinished(e -> {
            if (ready.getAsBoolean()) {
                next();
            } else if (polls > 4 * 60 * 20) { // 20 minutes: a benchmark on a busy machine is slow
                System.err.println("screenshot tour: gave up waiting");
                Platform.exit();
            } else {
                waitFor(ready, polls + 1);
            }
        });
        p.play();
    }

    private void save(String name) {
        try {
            Files.createDirectories(dir);
            WritableImage img = stage.getScene().snapshot(null);
            BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
            BufferedImage rgb = new BufferedImage(bi.getWidth(), bi.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(bi, 0, 0, null);
            Path out = dir.resolve(name + ".png");
            ImageIO.write(rgb, "png", out.toFile());
            System.out.println("screenshot " + out + " " + bi.getWidth() + "x" + bi.getHeight());
        } catch (IOException e) {
            System.err.println("screenshot " + name + " failed: " + e.getMessage());
        }
    }
}
