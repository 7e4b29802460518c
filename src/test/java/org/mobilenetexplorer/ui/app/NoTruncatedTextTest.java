package org.mobilenetexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.ui.common.FxTaskExecutor;
import org.mobilenetexplorer.ui.common.MemorySettings;
import org.mobilenetexplorer.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new user's walkthrough at 1280 x 800, the "a number is never truncated": every view, on every family
 * (the minimalistic V3s and the widest V1 included), light and dark, in presentation mode: no label, button, tab or
 * table cell on screen shows its text cut short with an ellipsis.
 */
@ExtendWith(ApplicationExtension.class)
class NoTruncatedTextTest {
    private ExplorerWindow w;
    private Stage stage;

    @TempDir
    static Path results;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MemorySettings settings = new MemorySettings();
        settings.put("window.w", "1280");
        settings.put("window.h", "800");
        w = ExplorerApp.show(stage, settings, new FxTaskExecutor(), new TestDialogs(() -> stage), results,
                new org.mobilenetexplorer.bench.BenchmarkEngine(new org.mobilenetexplorer.bench.InProcessRunner()));
    }

    @Test
    void noTextIsCutShortInAnyViewFamilyOrTheme(FxRobot robot) {
        List<MobileNetConfig> configs = List.of(new MobileNetConfig(0.75, 192), MobileNetConfig.of(Family.V2, 1.4, 224),
                MobileNetConfig.of(Family.V3_LARGE, 1.0, 224), MobileNetConfig.of(Family.V3_SMALL, 0.75, 160),
                minimalistic(Family.V3_LARGE), minimalistic(Family.V3_SMALL),
                new MobileNetConfig(Family.V1, 2.5, 1024, 1001, ChannelRounding.SLIM, MobileNetConfig.MAX_BLOCKS14,
                        true, Activation.RELU6, false));
        Set<String> cut = new LinkedHashSet<>();
        robot.interact(() -> {
            w.presets().usePreset(org.mobilenetexplorer.preset.Presets.bundled(
                    org.mobilenetexplorer.ui.tradeoff.TradeoffViewModel.DEFAULT_CANDIDATES)); // a long preset name
            w.compare().pin(new MobileNetConfig(0.25, 128));
            w.compare().pin(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224));
        });
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            for (boolean presentation : new boolean[] {false, true}) {
                robot.interact(() -> {
                    w.main().themeProperty().set(theme);
                    w.main().presentationProperty().set(presentation);
                });
                for (MobileNetConfig c : configs) {
                    robot.interact(() -> w.config().load(c));
                    for (AppView v : AppView.values()) {
                        robot.interact(() -> w.main().viewProperty().set(v));
                        WaitForAsyncUtils.waitForFxEvents();
                        for (String s : truncated(stage.getScene().getRoot(), presentation)) {
                            cut.add(v + " " + label(c) + " " + theme + (presentation ? " presentation" : "") + ": " + s);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), new ArrayList<>(cut));
    }

    private static MobileNetConfig minimalistic(Family f) {
        return new MobileNetConfig(f, 1.0, 224, 1000, ChannelRounding.SLIM, MobileNetConfig.MAX_BLOCKS14, false,
                Activation.RELU6, true);
    }

    private static String label(MobileNetConfig c) {
        return c.family() + (c.minimalistic() ? "-min " : " ") + MobileNetConfig.fmt(c.alpha()) + "-" + c.resolution();
    }

    /**
     * Every visible labeled node whose shown text is its text cut short: "shown" (full "text"). A cell of free text
     * (a note, a provenance) cut at the column's cap with its full text in a tooltip is the design, not a fault. In
     * presentation mode (20 px text in the same window) only numbers count: labels and buttons may abbreviate.
     */
    static List<String> truncated(Parent root, boolean numbersOnly) {
        List<String> out = new ArrayList<>();
        collect(root, out, numbersOnly);
        return out;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "^[-+(]?[0-9][0-9.,]*(\\s+[^\\s(]+)?(\\s+\\([-+]?[0-9][0-9.,]* ?(%|pts|[A-Za-z]+)?\\))?$"); // 216.59  (+1496.1 %)

    private static void collect(Node n, List<String> out, boolean numbersOnly) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && c.getStyleClass().contains("text") && t.getText() != null
                        && !t.getText().equals(l.getText()) && t.getText().endsWith(l.getEllipsisString())
                        && !l.getText().endsWith(l.getEllipsisString())
                        && !(l.getText().equals(org.mobilenetexplorer.ui.common.Controls.tipText(l))
                                && !NUMBER.matcher(l.getText()).matches())
                        && (!numbersOnly || NUMBER.matcher(l.getText()).matches() && !l.getText().contains(" ("))) {
                    out.add("\"" + t.getText() + "\" (" + l.getText() + ")");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out, numbersOnly);
            }
        }
    }
}
