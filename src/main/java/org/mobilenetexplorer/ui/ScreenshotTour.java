package org.mobilenetexplorer.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * Visits every view with a demo state and saves a snapshot of the scene per view: the real app, real numbers,
 * nothing staged but the clicks a user would make.
 */
final class ScreenshotTour {
    private final Stage stage;
    private final MainViewModel vm;
    private final ExplorerWindow window;
    private final Path dir;
    private final List<Runnable> steps = new ArrayList<>();

    ScreenshotTour(Stage stage, ExplorerWindow window, Path dir) {
        this.stage = stage;
        this.window = window;
        this.vm = window.main();
        this.dir = dir;
    }

    void start() {
        // Explore: the paper's 0.75-192, with a separable layer selected
        steps.add(() -> {
            vm.config().load(new MobileNetConfig(0.75, 192));
            vm.viewProperty().set(AppView.EXPLORE);
            vm.selectedLayerProperty().set("Conv2d_7_depthwise");
        });
        steps.add(() -> shoot("explore"));
        steps.add(() -> vm.viewProperty().set(AppView.BENCHMARK));
        steps.add(() -> shoot("benchmark"));
        steps.add(() -> vm.viewProperty().set(AppView.TRADEOFFS));
        steps.add(() -> shoot("tradeoffs"));
        steps.add(() -> {
            for (double a : new double[] {1.0, 0.75, 0.5, 0.25}) {
                vm.compare().pin(new MobileNetConfig(a, a == 1.0 ? 224 : 192));
            }
            vm.viewProperty().set(AppView.COMPARE);
        });
        steps.add(() -> shoot("compare"));
        steps.add(() -> vm.viewProperty().set(AppView.LEARN));
        steps.add(() -> shoot("learn"));
        steps.add(() -> vm.presentationProperty().set(true));
        steps.add(() -> shoot("learn-presentation"));
        steps.add(ExplorerApp::exit);

        Timeline t = new Timeline();
        for (int i = 0; i < steps.size(); i++) {
            Runnable step = steps.get(i);
            t.getKeyFrames().add(new KeyFrame(Duration.seconds(2 + 1.5 * i), e -> step.run()));
        }
        t.play();
    }

    private void shoot(String name) {
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
