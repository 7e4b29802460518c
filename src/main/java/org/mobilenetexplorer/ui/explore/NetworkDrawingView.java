package org.mobilenetexplorer.ui.explore;

import java.util.HashMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.mobilenetexplorer.ui.common.Controls;

/**
 * Draws {@link ExploreViewModel#drawing(double, double)}: one rectangle per box, filled from light to dark by its
 * share of the MACs, the box of the selected row outlined. A click on a box selects its row. Geometry, shading and
 * hit-testing live in {@link NetworkDrawing}; this class only draws.
 */
final class NetworkDrawingView extends Pane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final ExploreViewModel vm;
    private final javafx.beans.value.ObservableValue<org.mobilenetexplorer.ui.common.Theme> theme;
    private final Map<String, Rectangle> shapes = new HashMap<>();

    NetworkDrawingView(ExploreViewModel vm,
                       javafx.beans.value.ObservableValue<org.mobilenetexplorer.ui.common.Theme> theme) {
        this.vm = vm;
        this.theme = theme;
        theme.addListener(o -> redraw());
        setId("network-drawing");
        getStyleClass().add("network-drawing");
        setMinHeight(60);
        setPrefHeight(110);
        vm.treeProperty().addListener(o -> redraw());
        widthProperty().addListener(o -> redraw());
        heightProperty().addListener(o -> redraw());
        vm.selectedRowProperty().addListener(o -> highlight());
    }

    private void redraw() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        NetworkDrawing d = vm.drawing(w, h);
        Color[] ends = shades(theme.getValue());
        getChildren().clear();
        shapes.clear();
        for (NetworkDrawing.Box b : d.boxes()) {
            Rectangle r = new Rectangle(b.x(), b.y(), b.width(), b.height());
            r.setId("box-" + b.key().replace('/', '-'));
            r.getStyleClass().add("network-box");
            r.setFill(ends[0].interpolate(ends[1], b.shade()));
            Controls.tip(r, b.tooltip()); // built when the pointer first enters the box
            r.setOnMouseClicked(e -> vm.selectedRowProperty().set(b.key()));
            shapes.put(b.key(), r);
            getChildren().add(r);
        }
        setMinWidth(d.width() > w + 0.5 ? d.width() : 0);
        highlight();
    }

    /**
     * The fill at shade 0 and at shade 1: from near the page's colour to a strong blue, so a costly box stands out in
     * either theme (in the dark theme the light theme's ends glared white for the cheap boxes and hid the costly ones
     * in the dark page).
     */
    private static Color[] shades(org.mobilenetexplorer.ui.common.Theme t) {
        return switch (t == null ? org.mobilenetexplorer.ui.common.Theme.LIGHT : t) {
            case LIGHT -> new Color[] {Color.web("#e3eef7"), Color.web("#0b3d62")};
            case DARK -> new Color[] {Color.web("#1c2a3a"), Color.web("#79c0ff")};
        };
    }

    private void highlight() {
        String box = vm.boxKeyOf(vm.selectedRowProperty().get()).orElse(null);
        shapes.forEach((key, r) -> r.pseudoClassStateChanged(SELECTED, key.equals(box)));
    }

    /** The rectangle drawn for the box of {@code key} (tests). */
    Rectangle shape(String key) {
        return shapes.get(key);
    }
}
