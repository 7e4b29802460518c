package org.mobilenetexplorer.ui.benchmark;

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
import org.mobilenetexplorer.ui.common.Controls;
import org.mobilenetexplorer.ui.common.PrecisionChoice;

/** Run controls of the Benchmark tab: what to run, how long, progress with phase and ETA, cancel, failures. */
public final class BenchmarkRunPanel extends VBox {

    /**
     * @param current the configuration "Run current configuration" measures
     * @param preset  the configurations "Run preset" measures
     * @param backend the backend chosen in the configuration panel
     */
    public BenchmarkRunPanel(BenchmarkViewModel vm, Supplier<MobileNetConfig> current,
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
        cancel.disableProperty().bind(vm.runningProperty().not());
        runCurrent.disableProperty().bind(vm.runningProperty());
        runPreset.disableProperty().bind(vm.runningProperty());

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

        ProgressBar bar = new ProgressBar();
        bar.setId("benchmark-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label phase = new Label();
        phase.setId("benchmark-phase");
        phase.textProperty().bind(vm.phaseProperty());
        phase.getStyleClass().add("phase-label");
        Label eta = new Label();
        eta.setId("benchmark-eta");
        eta.textProperty().bind(vm.etaProperty());
        Label failure = new Label();
        failure.setId("benchmark-failure");
        failure.getStyleClass().add("failure-label");
        failure.setWrapText(true);
        failure.textProperty().bind(vm.failureProperty());
        failure.visibleProperty().bind(vm.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        PrecisionChoice precision = new PrecisionChoice("benchmark-precision", vm.precisionProperty(), backend);
        precision.disableProperty().bind(vm.runningProperty());

        HBox buttons = new HBox(8, runCurrent, runPreset, cancel, mode, profile, precision);
        buttons.getStyleClass().add("toolbar-row");
        HBox progress = new HBox(8, bar, eta);
        progress.getStyleClass().add("toolbar-row");
        setSpacing(6);
        getChildren().addAll(buttons, progress, phase, failure);
    }
}
