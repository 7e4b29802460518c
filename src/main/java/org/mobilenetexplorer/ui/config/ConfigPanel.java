package org.mobilenetexplorer.ui.config;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.ui.common.Controls;
import org.mobilenetexplorer.ui.common.PrecisionChoice;

/** The configuration panel on the left of the window: every knob, bound to {@link ConfigViewModel}. */
public final class ConfigPanel extends VBox {
    // kept so the bidirectional bindings (weakly referenced) live as long as the panel
    private final ObjectProperty<Double> alphaObject;
    private final ObjectProperty<Integer> resolutionObject;
    private final ObjectProperty<Integer> classesObject;
    private final ObjectProperty<Integer> blocksObject;

    public ConfigPanel(ConfigViewModel vm, PresetViewModel presets) {
        setId("config-panel");
        getStyleClass().add("config-panel");
        setSpacing(6);
        setPadding(new Insets(10));

        Label heading = new Label("Configuration");
        heading.getStyleClass().add("panel-heading");
        Label label = new Label();
        label.setId("config-label");
        label.getStyleClass().add("config-label");
        label.textProperty().bind(vm.labelProperty());

        // alpha: slider with stops + exact spinner
        Slider alphaSlider = new Slider(ConfigViewModel.ALPHA_SLIDER_MIN, ConfigViewModel.ALPHA_SLIDER_MAX, 1.0);
        alphaSlider.setId("alpha-slider");
        alphaSlider.setMajorTickUnit(0.25);
        alphaSlider.setMinorTickCount(4);
        alphaSlider.setBlockIncrement(0.25);
        alphaSlider.setShowTickMarks(true);
        alphaSlider.setShowTickLabels(true);
        alphaSlider.setSnapToTicks(true);
        alphaSlider.setTooltip(Controls.tip("Width multiplier alpha: scales the channels of the first convolution"
                + " and of every pointwise layer (TF-Slim calls it depth_multiplier). Stops at the paper's 0.25, 0.5,"
                + " 0.75 and 1.0; type any value in (0, 4] in the box."));
        Controls.sync(alphaSlider, vm.alphaProperty(), v -> vm.alphaProperty().set(vm.alphaForSlider(v)));
        Spinner<Double> alphaSpinner = new Spinner<>();
        alphaSpinner.setId("alpha-spinner");
        SpinnerValueFactory.DoubleSpinnerValueFactory af =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(0.01, MobileNetConfig.MAX_ALPHA, 1.0, 0.05);
        af.setConverter(Controls.converter(MobileNetConfig::fmt, vm::parseAlpha, () -> vm.alphaProperty().get()));
        alphaSpinner.setValueFactory(af);
        alphaSpinner.setEditable(true);
        alphaSpinner.setTooltip(Controls.tip("Exact width multiplier, any real in (0, 4]; Enter or Tab to apply."));
        alphaObject = vm.alphaProperty().asObject();
        af.valueProperty().bindBidirectional(alphaObject);
        Controls.commitOnFocusLoss(alphaSpinner);

        // resolution
        Slider resSlider = new Slider(ConfigViewModel.RESOLUTION_SLIDER_MIN, ConfigViewModel.RESOLUTION_SLIDER_MAX,
                224);
        resSlider.setId("resolution-slider");
        resSlider.setMajorTickUnit(32);
        resSlider.setMinorTickCount(3);
        resSlider.setBlockIncrement(32);
        resSlider.setShowTickMarks(true);
        resSlider.setShowTickLabels(true);
        resSlider.setSnapToTicks(true);
        resSlider.setTooltip(Controls.tip("Input resolution in pixels (square). Stops at the paper's 128, 160, 192"
                + " and 224; rho = resolution / 224. Type any integer in 32..2048 in the box."));
        Controls.sync(resSlider, vm.resolutionProperty(), v -> vm.resolutionProperty().set(vm.resolutionForSlider(v)));
        Spinner<Integer> resSpinner = intSpinner("resolution-spinner", MobileNetConfig.MIN_RESOLUTION,
                MobileNetConfig.MAX_RESOLUTION, 8, "resolution", vm, "Exact input resolution, 32..2048 px.");
        resolutionObject = vm.resolutionProperty().asObject();
        resSpinner.getValueFactory().valueProperty().bindBidirectional(resolutionObject);
        Label rho = new Label();
        rho.setId("rho-label");
        rho.getStyleClass().add("hint");
        rho.textProperty().bind(vm.rhoTextProperty());

        Spinner<Integer> classes = intSpinner("classes-spinner", 1, MobileNetConfig.MAX_CLASSES, 1, "classes", vm,
                "Classifier outputs: 1000 for ImageNet (paper, Keras); TF-Slim checkpoints use 1001.");
        classesObject = vm.classesProperty().asObject();
        classes.getValueFactory().valueProperty().bindBidirectional(classesObject);

        ComboBox<ChannelRounding> rounding = new ComboBox<>();
        rounding.setId("rounding-choice");
        rounding.getItems().setAll(ChannelRounding.values());
        rounding.valueProperty().bindBidirectional(vm.roundingProperty());
        rounding.setConverter(Controls.display(r -> switch (r) {
            case SLIM -> "slim (min 8)";
            case KERAS -> "keras (no min)";
        }));
        rounding.setTooltip(Controls.tip("Channel rounding: slim = max(int(d * alpha), 8) as TF-Slim; keras ="
                + " int(d * alpha), no minimum. They differ only below alpha 0.25."));

        Spinner<Integer> blocks = intSpinner("blocks14-spinner", 0, MobileNetConfig.MAX_BLOCKS14, 1, "blocks14", vm,
                "How many of the five repeated 14x14x512 separable blocks to keep; 0 is the paper's shallow"
                        + " MobileNet (Table 5).");
        blocksObject = vm.blocks14Property().asObject();
        blocks.getValueFactory().valueProperty().bindBidirectional(blocksObject);

        CheckBox standard = new CheckBox("Standard convolutions");
        standard.setId("standard-conv-check");
        standard.selectedProperty().bindBidirectional(vm.standardConvProperty());
        standard.setTooltip(Controls.tip("Replace every depthwise-separable block by a full 3x3 convolution (the"
                + " paper's Table 4 'Conv MobileNet'): about 8.6x the MACs."));

        ComboBox<Activation> activation = new ComboBox<>();
        activation.setId("activation-choice");
        activation.getItems().setAll(Activation.values());
        activation.valueProperty().bindBidirectional(vm.activationProperty());
        activation.setConverter(Controls.display(a -> switch (a) {
            case RELU -> "ReLU";
            case RELU6 -> "ReLU6";
        }));
        activation.setTooltip(Controls.tip("Activation after batch norm. Cost-neutral: it changes no MAC or param;"
                + " benchmarks run it. The paper says ReLU; TF-Slim and Keras train with ReLU6."));

        ComboBox<String> backend = new ComboBox<>(vm.backends());
        backend.setId("backend-choice");
        backend.valueProperty().bindBidirectional(vm.backendProperty());
        backend.setPromptText("no backend found");
        backend.setTooltip(Controls.tip("Inference runtime for benchmarks: onnxruntime (deployment-grade, default)"
                + " or dl4j. Found on the class path at start-up."));

        Label error = new Label();
        error.setId("config-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        GridPane grid = new GridPane();
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.getStyleClass().add("config-grid");
        grid.setHgap(8);
        grid.setVgap(6);
        int r = 0;
        grid.add(knob("Width alpha", alphaSpinner), 0, r);
        grid.add(alphaSpinner, 1, r++);
        grid.add(alphaSlider, 0, r++, 2, 1);
        grid.add(knob("Resolution [px]", resSpinner), 0, r);
        grid.add(resSpinner, 1, r++);
        grid.add(resSlider, 0, r++, 2, 1);
        grid.add(rho, 0, r++, 2, 1);
        grid.add(new Separator(), 0, r++, 2, 1);
        grid.add(knob("Classes", classes), 0, r);
        grid.add(classes, 1, r++);
        grid.add(knob("Rounding", rounding), 0, r);
        grid.add(rounding, 1, r++);
        grid.add(knob("14x14 blocks", blocks), 0, r);
        grid.add(blocks, 1, r++);
        grid.add(standard, 0, r++, 2, 1);
        grid.add(knob("Activation", activation), 0, r);
        grid.add(activation, 1, r++);
        grid.add(knob("Backend", backend), 0, r);
        grid.add(backend, 1, r++);
        r = addPrecision(grid, r, vm);
        for (var c : new javafx.scene.control.Control[] {alphaSpinner, resSpinner, classes, rounding, blocks,
            activation, backend}) {
            c.setMaxWidth(Double.MAX_VALUE);
            c.setPrefWidth(120);
        }

        // the loaded preset's configurations
        Label presetName = new Label();
        presetName.setId("preset-name");
        presetName.getStyleClass().add("panel-heading");
        presetName.setWrapText(true);
        ReadOnlyObjectProperty<org.mobilenetexplorer.preset.Preset> preset = presets.presetProperty();
        presetName.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> preset.get() == null ? "No preset loaded (Presets menu)" : "Preset: " + preset.get().name(),
                preset));
        ListView<PresetEntry> entries = new ListView<>(presets.presetEntries());
        entries.setId("preset-list");
        entries.setPrefHeight(150);
        entries.setTooltip(Controls.tip("The loaded preset's configurations: click one to make it current."));
        entries.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(PresetEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.displayLabel());
            }
        });
        entries.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> presets.useEntry(e));
        presets.presetEntries().addListener((ListChangeListener<PresetEntry>) c -> entries.getSelectionModel()
                .clearSelection());
        VBox.setVgrow(entries, Priority.ALWAYS);

        // a slider drag is one undo step (ConfigHistory)
        vm.adjustingProperty().bind(alphaSlider.valueChangingProperty().or(resSlider.valueChangingProperty()));

        getChildren().addAll(heading, label, grid, error, new Separator(), presetName, entries);
    }

    /** The FP32 / INT8 row (INT8 disabled with the reason under DL4J); returns the next free row. */
    private static int addPrecision(GridPane grid, int row, ConfigViewModel vm) {
        PrecisionChoice choice = new PrecisionChoice("precision-choice", vm.precisionProperty(), vm.backendProperty());
        Label l = new Label("Precision");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(l, 0, row);
        grid.add(choice, 1, row);
        return row + 1;
    }

    private static Label knob(String text, javafx.scene.control.Control target) {
        Label l = new Label(text);
        l.setLabelFor(target);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, int step, String field,
                                               ConfigViewModel vm, String tooltip) {
        Spinner<Integer> s = new Spinner<>();
        s.setId(id);
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, min, step);
        s.setValueFactory(f);
        f.setConverter(Controls.converter(String::valueOf, t -> vm.parseInt(field, t), f::getValue));
        s.setEditable(true);
        s.setTooltip(Controls.tip(tooltip));
        Controls.commitOnFocusLoss(s);
        return s;
    }
}
