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
    /** The shade 0 and shade 1 ends of the fill (the light and dark ends of the app's blue). */
    private static final Color LIGHT = Color.web("#e3eef7");
    private static final Color DARK = Color.web("#0b3d62");
    private final ExploreViewModel vm;
    private final Map<String, Rectangle> shapes = new HashMap<>();

    NetworkDrawingView(ExploreViewModel vm) {
        this.vm = vm;
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
        getChildren().clear();
        shapes.clear();
        for (NetworkDrawing.Box b : d.boxes()) {
            Rectangle r = new Rectangle(b.x(), b.y(), b.width(), b.height());
            r.setId("box-" + b.key().replace('/', '-'));
            r.getStyleClass().add("network-box");
            r.setFill(LIGHT.interpolate(DARK, b.shade()));
            Controls.tip(r, b.tooltip()); // built when the pointer first enters the box
            r.setOnMouseClicked(e -> vm.selectedRowProperty().set(b.key()));
            shapes.put(b.key(), r);
            getChildren().add(r);
        }
        setMinWidth(d.width() > w + 0.5 ? d.width() : 0);
        highlight();
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
