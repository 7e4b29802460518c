package org.mobilenetexplorer.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mobilenetexplorer.model.MobileNetConfig;

/** Run controls of the Benchmark tab: what to run, how long, progress with phase and ETA, cancel, failures. */
final class BenchmarkRunPanel extends VBox {

    BenchmarkRunPanel(BenchmarkViewModel vm, Supplier<MobileNetConfig> current,
                      Supplier<List<MobileNetConfig>> preset, javafx.beans.value.ObservableStringValue backend) {
        Button runCurrent = new Button("Run current configuration");
        runCurrent.setId("run-current");
        runCurrent.setDefaultButton(false);
        runCurrent.setOnAction(e -> vm.run(List.of(current.get()), backend.get()));
        runCurrent.setTooltip(Controls.tip("Measure the configuration on the left with the chosen backend (Ctrl+B)."
                + " Runs in a separate worker process, never in this window."));
        Button runPreset = new Button("Run preset");
        runPreset.setId("run-preset");
        runPreset.setOnAction(e -> vm.run(preset.get(), backend.get()));
        runPreset.setTooltip(Controls.tip("Measure every configuration of the loaded preset, one at a time"
                + " (Ctrl+Shift+B)."));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-benchmark");
        cancel.setOnAction(e -> vm.cancel());
        cancel.setTooltip(Controls.tip("Stop between runs; results finished so far are kept (Ctrl+Period)."));
        cancel.disableProperty().bind(vm.runningProperty().isNull());
        runCurrent.disableProperty().bind(vm.runningProperty().isNotNull());
        runPreset.disableProperty().bind(vm.runningProperty().isNotNull());

        ComboBox<BenchmarkViewModel.Mode> mode = new ComboBox<>();
        mode.setId("benchmark-mode");
        mode.getItems().setAll(BenchmarkViewModel.Mode.values());
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setConverter(Controls.display(BenchmarkViewModel.Mode::title));
        mode.setTooltip(Controls.tip("Measurement length per configuration: warm-up, then at least N runs and T"
                + " seconds (capped). Longer is steadier."));
        CheckBox profile = new CheckBox("Per-layer profile");
        profile.setId("profile-layers");
        profile.selectedProperty().bindBidirectional(vm.profileLayersProperty());
        profile.setTooltip(Controls.tip("Also time every layer (" + BenchmarkViewModel.PROFILE_REPEATS
                + " passes) to compare each layer's share of time with its share of MACs."));

        ProgressBar bar = new ProgressBar(0);
        bar.setId("benchmark-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label phase = new Label("Idle. Pick a configuration or load a preset, then run.");
        phase.setId("benchmark-phase");
        phase.getStyleClass().add("phase-label");
        Label eta = new Label();
        eta.setId("benchmark-eta");
        Label failure = new Label();
        failure.setId("benchmark-failure");
        failure.getStyleClass().add("failure-label");
        failure.setWrapText(true);
        failure.textProperty().bind(vm.failureProperty());
        failure.visibleProperty().bind(vm.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        vm.runningProperty().addListener((o, old, task) -> {
            if (task != null) {
                bar.progressProperty().bind(task.progressProperty());
                phase.textProperty().bind(task.messageProperty());
                eta.textProperty().bind(task.titleProperty());
            } else {
                String last = phase.getText();
                bar.progressProperty().unbind();
                phase.textProperty().unbind();
                eta.textProperty().unbind();
                phase.setText(last);
            }
        });

        HBox buttons = new HBox(8, runCurrent, runPreset, cancel, mode, profile);
        buttons.getStyleClass().add("toolbar-row");
        HBox progress = new HBox(8, bar, eta);
        progress.getStyleClass().add("toolbar-row");
        setSpacing(6);
        getChildren().addAll(buttons, progress, phase, failure);
    }
}
