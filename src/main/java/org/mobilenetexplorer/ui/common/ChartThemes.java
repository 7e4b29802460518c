package org.mobilenetexplorer.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * Keeps every chart of a window in the colours of the current {@link Theme}, without the views knowing: it finds
 * the window's {@link ChartViewer}s (those in the scene at the start, and those under a view added later through
 * {@link #include}), repaints their charts when the theme changes, and after each layout pulse repaints a chart a
 * view has just put in (views build a new chart when their data change).
 */
public final class ChartThemes {
    /**
     * Node property: content a view attaches to this node after the window's first frame (its charts are followed
     * from the start, so they are in the theme's colours when they appear).
     */
    public static final String DEFERRED_CONTENT = "mne.deferredContent";

    private final List<ChartViewer> viewers = new ArrayList<>();
    private final ObservableValue<Theme> theme;
    /** Per viewer, the chart last repainted and the theme it got (compared by identity: charts are mutable). */
    private final List<JFreeChart> paintedChart = new ArrayList<>();
    private final List<Theme> paintedTheme = new ArrayList<>();

    private ChartThemes(ObservableValue<Theme> theme) {
        this.theme = theme;
    }

    /** Follows {@code theme} with the charts under {@code root} (the scene's root). */
    public static ChartThemes follow(Scene scene, ObservableValue<Theme> theme) {
        ChartThemes t = new ChartThemes(theme);
        t.include(scene.getRoot());
        theme.addListener(o -> t.repaint());
        scene.addPostLayoutPulseListener(t::repaint);
        return t;
    }

    /** Follows the theme with the charts under {@code view} too (a view built after the window showed). */
    public void include(Node view) {
        List<ChartViewer> found = new ArrayList<>();
        collect(view, found);
        for (ChartViewer v : found) {
            if (!viewers.contains(v)) {
                viewers.add(v);
                paintedChart.add(null);
                paintedTheme.add(null);
            }
        }
        repaint();
    }

    /** The viewers found (tests). */
    public List<ChartViewer> viewers() {
        return List.copyOf(viewers);
    }

    private void repaint() {
        Theme current = theme.getValue();
        for (int i = 0; i < viewers.size(); i++) {
            JFreeChart c = viewers.get(i).getChart();
            if (c == null || (c == paintedChart.get(i) && current == paintedTheme.get(i))) {
                continue;
            }
            // a chart is built in the light colours: a new one needs repainting only for the dark theme
            boolean repaint = c == paintedChart.get(i) || current != Theme.LIGHT;
            paintedChart.set(i, c);
            paintedTheme.set(i, current);
            if (repaint) {
                current.chartColors().applyTo(c);
            }
        }
    }

    /** Walks the logical tree: children, and the content of split panes, scroll panes, tabs and titled panes. */
    private static void collect(Node n, List<ChartViewer> out) {
        if (n == null) {
            return;
        }
        if (n instanceof ChartViewer v) {
            out.add(v);
            return;
        }
        if (n.getProperties().get(DEFERRED_CONTENT) instanceof Node later) {
            collect(later, out);
        }
        if (n instanceof SplitPane sp) {
            sp.getItems().forEach(i -> collect(i, out));
        } else if (n instanceof ScrollPane sp) {
            collect(sp.getContent(), out);
        } else if (n instanceof TabPane tp) {
            for (Tab t : tp.getTabs()) {
                collect(t.getContent(), out);
            }
        } else if (n instanceof TitledPane tp) {
            collect(tp.getContent(), out);
        } else if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }
}
