package org.mobilenetexplorer.ui.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;

/**
 * A slider with its own row of stop labels under it. JavaFX's slider axis measures its tick labels and hides those it
 * finds overlapping, and after a font change (presentation mode) or a new range it showed some stops unlabelled or
 * old and new labels side by side. Here every stop always has its label, centred under the place the thumb takes at
 * that value (moved inwards at the slider's ends so that it is never cut); a label that would touch its left
 * neighbour goes to a second row.
 */
final class StopSlider extends Region {
    /** The least gap between two labels on one row, in pixels. */
    private static final double GAP = 4;

    private final Slider slider;
    private final double[] values;
    private final List<Label> labels = new ArrayList<>();
    /** The rows the labels took at the last layout (1 or 2). */
    private int rows = 1;

    /**
     * @param slider the slider (its own tick labels are turned off; its tick marks stay)
     * @param stops  the values to label, ascending, within the slider's range
     * @param format a stop's label text
     */
    StopSlider(Slider slider, double[] stops, DoubleFunction<String> format) {
        this.slider = slider;
        this.values = stops.clone();
        slider.setShowTickLabels(false);
        getStyleClass().add("stop-slider");
        if (slider.getId() != null) {
            setId(slider.getId() + "-stops");
        }
        getChildren().add(slider);
        for (double v : values) {
            Label l = new Label(format.apply(v));
            l.getStyleClass().add("slider-stop-label");
            l.setMinWidth(Region.USE_PREF_SIZE);
            l.setUserData(v);
            labels.add(l);
            getChildren().add(l);
        }
    }

    /** The slider. */
    Slider slider() {
        return slider;
    }

    /** The labels, left to right (for tests and screenshots). */
    List<Label> labels() {
        return List.copyOf(labels);
    }

    /** The x (in this region) of the thumb's centre when the slider stands at {@code value}. */
    private double xOf(double value) {
        // the slider's skin keeps the thumb's centre half a thumb inside its content area at either end
        double thumb = thumbWidth();
        double left = slider.getLayoutX() + slider.snappedLeftInset() + thumb / 2;
        double length = slider.getWidth() - slider.snappedLeftInset() - slider.snappedRightInset() - thumb;
        double range = slider.getMax() - slider.getMin();
        double f = range <= 0 ? 0 : (value - slider.getMin()) / range;
        return left + Math.max(0, Math.min(1, f)) * Math.max(0, length);
    }

    private double thumbWidth() {
        Node thumb = slider.lookup(".thumb");
        if (thumb instanceof Region r) {
            return r.getWidth() > 0 ? r.getWidth() : r.prefWidth(-1);
        }
        return 0;
    }

    private double labelHeight() {
        double h = 0;
        for (Label l : labels) {
            h = Math.max(h, l.prefHeight(-1));
        }
        return h;
    }

    /** Each label's left x and row (0 or 1) for the current width. */
    private double[][] place() {
        double[][] at = new double[labels.size()][2];
        double[] rowEnd = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        for (int i = 0; i < labels.size(); i++) {
            double w = labels.get(i).prefWidth(-1);
            double x = xOf(values[i]) - w / 2;
            x = Math.max(snappedLeftInset(), Math.min(x, snappedLeftInset() + width - w));
            int row = x >= rowEnd[0] + GAP ? 0 : 1;
            rowEnd[row] = x + w;
            at[i][0] = x;
            at[i][1] = row;
        }
        return at;
    }

    @Override
    protected void layoutChildren() {
        double top = snappedTopInset();
        double left = snappedLeftInset();
        double width = getWidth() - left - snappedRightInset();
        double sliderHeight = slider.prefHeight(width);
        slider.resizeRelocate(left, top, width, sliderHeight);
        slider.layout(); // the thumb's width, for the labels' places
        double h = labelHeight();
        double[][] at = place();
        int used = 1;
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            int row = (int) at[i][1];
            used = Math.max(used, row + 1);
            l.resizeRelocate(snapPositionX(at[i][0]), snapPositionY(top + sliderHeight + row * h),
                    l.prefWidth(-1), h);
        }
        if (used != rows) {
            rows = used;
            javafx.application.Platform.runLater(this::requestLayout); // our height changed: the parent lays out again
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + slider.minWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + slider.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + slider.prefHeight(-1) + rows * labelHeight() + snappedBottomInset();
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }
}
