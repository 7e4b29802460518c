package org.mobilenetexplorer.ui.explore;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The predicted-latency line of the Explore tab: the label, a "Calibrate this machine" link when there is no
 * profile, and while calibrating a progress bar with the networks done and time left and a Cancel button. Binds
 * only; everything else is in {@link PredictedLatencyViewModel}.
 */
public final class PredictedLatencyView extends FlowPane {

    public PredictedLatencyView(PredictedLatencyViewModel vm) {
        super(8, 4);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        getStyleClass().add("predicted-latency");

        Label label = new Label();
        label.setId("predictedLatency");
        label.getStyleClass().add("predicted-latency-text");
        label.textProperty().bind(vm.textProperty());
        label.setWrapText(true);

        Hyperlink calibrate = new Hyperlink("Calibrate this machine (about 4 minutes)");
        calibrate.setId("calibrateLink");
        calibrate.setOnAction(e -> vm.calibrate());
        // the same calibration from a terminal; the label picks its profile up when the window is used again
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.setOnShowing(e -> tip.setText("Measures this machine's kernels in the background (progress, Cancel);"
                + " nothing is written unless it completes. The same from a terminal:\n" + vm.calibrateCommand()));
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        calibrate.setTooltip(tip);
        calibrate.visibleProperty().bind(vm.canCalibrateProperty());
        calibrate.managedProperty().bind(calibrate.visibleProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("calibrationProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.calibratingProperty());
        bar.managedProperty().bind(bar.visibleProperty());

        Label status = new Label();
        status.setId("calibrationStatus");
        status.textProperty().bind(vm.progressTextProperty());
        status.visibleProperty().bind(vm.progressTextProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("cancelCalibration");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.calibratingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());

        getChildren().addAll(label, calibrate, bar, status, cancel);
    }

    /** {@code explore} with this line above it (the Explore tab as the app shows it). */
    public static Node above(PredictedLatencyViewModel vm, Node explore) {
        VBox.setVgrow(explore, Priority.ALWAYS);
        return new VBox(new PredictedLatencyView(vm), explore);
    }
}
