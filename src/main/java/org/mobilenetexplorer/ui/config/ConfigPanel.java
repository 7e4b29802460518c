package org.mobilenetexplorer.ui.config;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
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
import org.mobilenetexplorer.model.Family;
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
        javafx.beans.property.BooleanProperty alphaDragging = new javafx.beans.property.SimpleBooleanProperty();
        Node alphaSlider = alphaSlider(vm, alphaDragging);
        Spinner<Double> alphaSpinner = new Spinner<>();
        alphaSpinner.setId("alpha-spinner");
        SpinnerValueFactory.DoubleSpinnerValueFactory af =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(0.01, MobileNetConfig.MAX_ALPHA, 1.0, 0.05);
        af.setConverter(Controls.converter(MobileNetConfig::fmt, vm::parseAlpha, () -> vm.alphaProperty().get()));
        alphaSpinner.setValueFactory(af);
        alphaSpinner.setEditable(true);
        Controls.tip(alphaSpinner, "Exact width multiplier, any real in (0, 4]; Enter or Tab to apply.");
        alphaObject = vm.alphaProperty().asObject();
        af.valueProperty().bindBidirectional(alphaObject);
        Controls.commitOnFocusLoss(alphaSpinner);

        // resolution
        javafx.beans.property.BooleanProperty resDragging = new javafx.beans.property.SimpleBooleanProperty();
        Node resSlider = resolutionSlider(vm, resDragging);
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
        Controls.tip(rounding, "Channel rounding: slim = max(int(d * alpha), 8) as TF-Slim; keras ="
                + " int(d * alpha), no minimum. They differ only below alpha 0.25.");

        Spinner<Integer> blocks = intSpinner("blocks14-spinner", 0, MobileNetConfig.MAX_BLOCKS14, 1, "blocks14", vm,
                "How many of the five repeated 14x14x512 separable blocks to keep; 0 is the paper's shallow"
                        + " MobileNet (Table 5).");
        blocksObject = vm.blocks14Property().asObject();
        blocks.getValueFactory().valueProperty().bindBidirectional(blocksObject);

        CheckBox standard = new CheckBox("Standard convolutions");
        standard.setId("standard-conv-check");
        standard.selectedProperty().bindBidirectional(vm.standardConvProperty());
        Controls.tip(standard, "Replace every depthwise-separable block by a full 3x3 convolution (the"
                + " paper's Table 4 'Conv MobileNet'): about 8.6x the MACs.");

        ComboBox<Activation> activation = new ComboBox<>();
        activation.setId("activation-choice");
        activation.getItems().setAll(Activation.values());
        activation.valueProperty().bindBidirectional(vm.activationProperty());
        activation.setConverter(Controls.display(a -> switch (a) {
            case RELU -> "ReLU";
            case RELU6 -> "ReLU6";
        }));
        Controls.tip(activation, "Activation after batch norm. Cost-neutral: it changes no MAC or param;"
                + " benchmarks run it. The paper says ReLU; TF-Slim and Keras train with ReLU6.");

        ComboBox<String> backend = new ComboBox<>(vm.backends());
        backend.setId("backend-choice");
        backend.valueProperty().bindBidirectional(vm.backendProperty());
        backend.setPromptText("no backend found");
        Controls.tip(backend, "Inference runtime for benchmarks: onnxruntime (deployment-grade, default)"
                + " or dl4j. Found on the class path at start-up.");

        Label error = new Label();
        error.setId("config-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ComboBox<Family> family = familyChoice(vm);
        CheckBox minimalistic = minimalisticCheck(vm);

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
        grid.add(knob("Family", family), 0, r);
        grid.add(family, 1, r++);
        grid.add(applicable(minimalistic, vm.minimalisticReasonProperty()), 0, r++, 2, 1);
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
        grid.add(v1Only(knob("Rounding", rounding), vm), 0, r);
        grid.add(v1Only(rounding, vm), 1, r++);
        grid.add(v1Only(knob("14x14 blocks", blocks), vm), 0, r);
        grid.add(v1Only(blocks, vm), 1, r++);
        grid.add(v1Only(standard, vm), 0, r++, 2, 1);
        grid.add(v1Only(knob("Activation", activation), vm), 0, r);
        grid.add(v1Only(activation, vm), 1, r++);
        grid.add(knob("Backend", backend), 0, r);
        grid.add(backend, 1, r++);
        r = addPrecision(grid, r, vm);
        for (var c : new javafx.scene.control.Control[] {family, alphaSpinner, resSpinner, classes, rounding, blocks,
            activation, backend}) {
            c.setMaxWidth(Double.MAX_VALUE);
            c.setPrefWidth(120);
        }

        // the loaded preset's configurations
        Label presetName = new Label();
        presetName.setId("preset-name");
        presetName.getStyleClass().add("panel-heading");
        presetName.setWrapText(true);
        // wrapped, never cut: the panel gives the list its height, not the name's second line (was "16 ...")
        presetName.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ReadOnlyObjectProperty<org.mobilenetexplorer.preset.Preset> preset = presets.presetProperty();
        presetName.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> preset.get() == null ? "No preset loaded (Presets menu)" : "Preset: " + preset.get().name(),
                preset));
        ListView<PresetEntry> entries = new ListView<>(presets.presetEntries());
        entries.setId("preset-list");
        entries.setPrefHeight(150);
        Controls.tip(entries, "The loaded preset's configurations: click one to make it current.");
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
        vm.adjustingProperty().bind(alphaDragging.or(resDragging));

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

    /** The family choice (v1, v2, v3-large, v3-small), bound to the view-model. */
    private static ComboBox<Family> familyChoice(ConfigViewModel vm) {
        ComboBox<Family> family = new ComboBox<>();
        family.setId("family-choice");
        family.getItems().setAll(Family.values());
        family.valueProperty().bindBidirectional(vm.familyProperty());
        family.setConverter(Controls.display(Family::id));
        Controls.tip(family, "Architecture family: v1 (depthwise separable), v2 (inverted residuals with"
                + " linear bottlenecks), v3-large and v3-small (with squeeze-and-excite and h-swish). The knobs that"
                + " do not apply to the family are disabled.");
        return family;
    }

    /** V3's minimalistic check box, bound to the view-model. */
    private static CheckBox minimalisticCheck(ConfigViewModel vm) {
        CheckBox minimalistic = new CheckBox("Minimalistic (V3)");
        minimalistic.setId("minimalistic-check");
        minimalistic.selectedProperty().bindBidirectional(vm.minimalisticProperty());
        Controls.tip(minimalistic, "V3's minimalistic variant: no squeeze-and-excite, no h-swish, 3x3"
                + " kernels only (TF-Slim's V3_LARGE_MINIMALISTIC and V3_SMALL_MINIMALISTIC).");
        return minimalistic;
    }

    /** {@code node}, disabled unless the family is V1, with the reason on hover. */
    private static Node v1Only(Control node, ConfigViewModel vm) {
        return applicable(node, vm.v1OnlyReasonProperty());
    }

    /**
     * {@code node} in a holder that shows {@code reason} as its tooltip while the node is disabled ({@code reason}
     * not empty). A disabled control gets no mouse events, so the holder takes them: the control is mouse
     * transparent while disabled.
     */
    private static Node applicable(Control node, ReadOnlyStringProperty reason) {
        node.disableProperty().bind(reason.isNotEmpty());
        node.mouseTransparentProperty().bind(node.disabledProperty());
        HBox holder = new HBox(node);
        HBox.setHgrow(node, Priority.ALWAYS);
        holder.setPickOnBounds(true);
        holder.getStyleClass().add("knob-holder");
        if (node.getId() != null) {
            holder.setId(node.getId() + "-holder");
        }
        Tooltip why = Controls.tip("");
        why.textProperty().bind(reason);
        Runnable update = () -> {
            if (reason.get().isEmpty()) {
                Tooltip.uninstall(holder, why);
            } else {
                Tooltip.install(holder, why);
            }
        };
        reason.addListener(o -> update.run());
        update.run();
        return holder;
    }

    /** The alpha slider for the current family (see {@link #familySlider}). */
    private static Node alphaSlider(ConfigViewModel vm, javafx.beans.property.BooleanProperty dragging) {
        return familySlider(vm, vm.alphaProperty(), dragging, k -> {
            Slider s = new Slider(k.alphaMin(), k.alphaMax(), k.alphaMin());
            s.setId("alpha-slider");
            s.setMajorTickUnit(ConfigViewModel.ALPHA_DRAG_STEP);
            s.setMinorTickCount(0);
            s.setBlockIncrement(ConfigViewModel.ALPHA_DRAG_STEP);
            Controls.tip(s, "Width multiplier alpha: scales the channels of every layer (TF-Slim calls it"
                    + " depth_multiplier). Stops at " + k.alphaSource() + "; arrow keys go from stop to stop. Type any"
                    + " value in (0, 4] in the box.");
            return new StopSlider(s, withEnds(k.alphaStops().stream().mapToDouble(Double::doubleValue).toArray(),
                    k.alphaMin(), k.alphaMax()), v -> MobileNetConfig.fmt(Math.round(v * 1e6) / 1e6));
        }, v -> vm.alphaProperty().set(vm.alphaForSlider(v)), vm::stepAlpha);
    }

    /** The resolution slider for the current family (see {@link #familySlider}). */
    private static Node resolutionSlider(ConfigViewModel vm, javafx.beans.property.BooleanProperty dragging) {
        return familySlider(vm, vm.resolutionProperty(), dragging, k -> {
            Slider s = new Slider(k.resolutionMin(), k.resolutionMax(), k.resolutionMin());
            s.setId("resolution-slider");
            s.setMajorTickUnit(ConfigViewModel.RESOLUTION_DRAG_STEP * 2);
            s.setMinorTickCount(1);
            s.setBlockIncrement(ConfigViewModel.RESOLUTION_DRAG_STEP);
            Controls.tip(s, "Input resolution in pixels (square); rho = resolution / 224. Stops at "
                    + k.resolutionSource() + "; arrow keys go from stop to stop. Type any integer in 32..2048 in the"
                    + " box.");
            return new StopSlider(s, withEnds(k.resolutionStops().stream().mapToDouble(Integer::doubleValue).toArray(),
                    k.resolutionMin(), k.resolutionMax()), v -> String.valueOf(Math.round(v)));
        }, v -> vm.resolutionProperty().set(vm.resolutionForSlider(v)), vm::stepResolution);
    }

    /**
     * A slider in the current family's range, labelled at the family's stops by a {@link StopSlider} (our own label
     * row: the slider's axis hid labels it measured as overlapping), arrow keys from stop to stop ({@code step}); a
     * dragged thumb goes to {@code moved}, which snaps and stores it. A family change puts in a fresh slider made by
     * {@code make}, and
     * {@code dragging} follows the slider in place (a drag is one undo step). A value
     * outside the range leaves the thumb at the end without writing back.
     */
    private static Node familySlider(ConfigViewModel vm, javafx.beans.value.ObservableNumberValue value,
                                     javafx.beans.property.BooleanProperty dragging,
                                     java.util.function.Function<KnobRanges, StopSlider> make,
                                     java.util.function.DoubleConsumer moved,
                                     java.util.function.IntConsumer step) {
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
        Slider[] current = new Slider[1];
        boolean[] updating = {false};
        Runnable build = () -> {
            StopSlider labelled = make.apply(vm.rangesProperty().get());
            Slider s = labelled.slider();
            s.setShowTickMarks(true);
            s.setSnapToTicks(true);
            s.setValue(value.doubleValue());
            s.valueProperty().addListener((o, a, v) -> {
                if (!updating[0]) {
                    moved.accept(v.doubleValue());
                }
            });
            s.addEventFilter(KeyEvent.KEY_PRESSED, e -> direction(e.getCode()).ifPresent(d -> {
                step.accept(d);
                e.consume();
            }));
            current[0] = s;
            dragging.unbind();
            dragging.bind(s.valueChangingProperty());   // the slider in place now drives the undo step
            holder.getChildren().setAll(labelled);
        };
        value.addListener(o -> {
            updating[0] = true;
            try {
                current[0].setValue(value.doubleValue());
            } finally {
                updating[0] = false;
            }
        });
        KnobRanges[] built = {vm.rangesProperty().get()};
        vm.rangesProperty().addListener(o -> {
            KnobRanges k = vm.rangesProperty().get();
            if (!k.equals(built[0])) {
                built[0] = k;
                build.run();
            }
        });
        build.run();
        return holder;
    }

    private static java.util.Optional<Integer> direction(KeyCode code) {
        return switch (code) {
            case LEFT, DOWN, KP_LEFT, KP_DOWN -> java.util.Optional.of(-1);
            case RIGHT, UP, KP_RIGHT, KP_UP -> java.util.Optional.of(1);
            default -> java.util.Optional.empty();
        };
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 1e-9;
    }

    /** {@code stops} with the slider's ends added where they are not stops already, ascending. */
    private static double[] withEnds(double[] stops, double min, double max) {
        java.util.TreeSet<Double> all = new java.util.TreeSet<>();
        all.add(min);
        all.add(max);
        for (double v : stops) {
            if (all.stream().noneMatch(a -> near(a, v))) {
                all.add(v);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
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
        Controls.tip(s, tooltip);
        Controls.commitOnFocusLoss(s);
        return s;
    }
}
