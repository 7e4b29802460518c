package org.mobilenetexplorer.ui.compare;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.ui.common.Controls;
import org.mobilenetexplorer.ui.common.Tables;
import org.mobilenetexplorer.ui.common.Styles;

/**
 * The Compare tab: pinned configurations of any families, totals side by side with deltas, costs per stage (how
 * families align), per-layer differences within one family.
 */
public final class CompareView extends BorderPane {

    public CompareView(CompareViewModel vm) {

        Button pin = new Button("Pin current");
        pin.setId("pin-current");
        pin.setOnAction(e -> vm.pinCurrent());
        pin.setTooltip(Controls.tip("Add the current configuration to the comparison (Ctrl+P)."));
        Button pinPreset = new Button("Pin preset");
        pinPreset.setId("pin-preset");
        pinPreset.setOnAction(e -> vm.pinPreset());
        pinPreset.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.presetEntries()));
        pinPreset.setTooltip(Controls.tip("Pin the loaded preset's configurations, up to six (Ctrl+Shift+P)."));

        ListView<MobileNetConfig> pinned = new ListView<>(vm.pinned());
        pinned.setId("pinned-list");
        pinned.setPrefWidth(140);
        pinned.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(MobileNetConfig c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.label());
                pseudoClassStateChanged(Styles.BASELINE, !empty && getIndex() == vm.baselineProperty().get());
            }
        });
        vm.baselineProperty().addListener(o -> pinned.refresh());
        Button baseline = new Button("Set as baseline");
        baseline.setId("set-baseline");
        baseline.setOnAction(e -> vm.baselineProperty().set(pinned.getSelectionModel().getSelectedIndex()));
        baseline.disableProperty().bind(pinned.getSelectionModel().selectedItemProperty().isNull());
        baseline.setTooltip(Controls.tip("Deltas are shown against the baseline (bold in the list)."));
        Button unpin = new Button("Unpin");
        unpin.setId("unpin");
        unpin.setOnAction(e -> vm.unpin(pinned.getSelectionModel().getSelectedIndex()));
        unpin.disableProperty().bind(pinned.getSelectionModel().selectedItemProperty().isNull());
        Button clear = new Button("Clear");
        clear.setId("clear-pinned");
        clear.setOnAction(e -> vm.clear());
        for (Button b : new Button[] {pin, pinPreset, baseline, unpin, clear}) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        VBox left = new VBox(6, new Label("Pinned (2 to 6)"), pinned, pin, pinPreset, baseline, unpin, clear);
        VBox.setVgrow(pinned, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        Label message = new Label();
        message.setId("compare-message");
        message.getStyleClass().add("section-heading");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        TableView<CompareRow> totals = new TableView<>(vm.totals());
        totals.setId("compare-totals");
        TableView<CompareRow> stages = new TableView<>(vm.stages());
        stages.setId("compare-stages");
        TableView<CompareRow> layers = new TableView<>(vm.layers());
        layers.setId("compare-layers");
        Runnable columns = () -> {
            columns(totals, vm, "Metric", "Each metric for each pinned configuration; (+x %) is the change against"
                    + " the baseline");
            columns(stages, vm, "Stage", "Layers grouped by output resolution (stride 2 = 112x112 at 224 px; a"
                    + " block counts in the stage of its output, its squeeze-and-excite included; head = global pool"
                    + " and everything after it). Aligns configurations of different families.");
            columns(layers, vm, "Layer [MACs]", "MACs of each layer; (+x %) against the baseline; 'absent' when the"
                    + " configuration has no such layer (blocks14)");
        };
        vm.pinned().addListener((ListChangeListener<MobileNetConfig>) c -> columns.run());
        vm.baselineProperty().addListener(o -> columns.run());
        columns.run();
        Tables.install(totals, "compare-totals");
        Tables.install(stages, "compare-stages");
        Tables.install(layers, "compare-layers");
        totals.setPlaceholder(new Label("Nothing pinned yet."));
        stages.setPlaceholder(new Label("Nothing pinned yet."));
        Label layersNote = new Label();
        layersNote.setId("compare-layers-note");
        layersNote.setWrapText(true);
        layersNote.textProperty().bind(vm.layersNoteProperty());
        layers.setPlaceholder(layersNote);

        SplitPane tables = new SplitPane(totals, stages, layers);
        tables.setOrientation(Orientation.VERTICAL);
        // across families the per-layer table is empty: the totals and the stages get most of its room, the note
        // why keeps two lines (at 0.9 it was cut to one line at 1280 x 800, "Compare them p...")
        Runnable dividers = () -> tables.setDividerPositions(vm.layers().isEmpty() && vm.pinned().size() > 1
                ? new double[] {0.44, 0.8} : new double[] {0.34, 0.67});
        vm.layers().addListener((ListChangeListener<CompareRow>) c -> dividers.run());
        dividers.run();
        VBox center = new VBox(6, message, tables);
        VBox.setVgrow(tables, Priority.ALWAYS);
        center.setPadding(new Insets(8));
        HBox.setHgrow(center, Priority.ALWAYS);
        setLeft(left);
        setCenter(center);
    }

    private static void columns(TableView<CompareRow> table, CompareViewModel vm, String first, String tooltip) {
        table.getColumns().clear();
        TableColumn<CompareRow, String> name = Controls.textColumn(first, tooltip, CompareRow::metric, 190);
        table.getColumns().add(name);
        for (int i = 0; i < vm.pinned().size(); i++) {
            int index = i;
            MobileNetConfig c = vm.pinned().get(i);
            TableColumn<CompareRow, String> col = new TableColumn<>();
            Controls.header(col, (i == vm.baselineProperty().get() ? "base: " : "") + c.label(),
                    c.label() + ": alpha " + MobileNetConfig.fmt(c.alpha()) + ", " + c.resolution() + " px, "
                            + c.classes() + " classes, " + c.rounding().id() + " rounding");
            col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().cell(index)));
            Tables.cellText(col, r -> r.cell(index));
            col.setPrefWidth(155);
            col.getStyleClass().add("numeric");
            table.getColumns().add(col);
        }
    }
}
