package org.mobilenetexplorer.ui.tradeoff;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.mobilenetexplorer.accuracy.AccuracyMetric;
import org.mobilenetexplorer.chart.ExportFormat;
import org.mobilenetexplorer.chart.PaneCharts;
import org.mobilenetexplorer.accuracy.AccuracySource;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.ui.common.Controls;
import org.mobilenetexplorer.ui.common.Tables;

/**
 * The Trade-offs tab: source, metric and axis selectors, the chart (hover for provenance, click to load a
 * configuration), the points table and the analysis notes. {@code exportBar} holds the export buttons.
 */
public final class TradeoffView extends BorderPane {

    public TradeoffView(TradeoffViewModel vm) {

        ComboBox<AccuracySource> source = new ComboBox<>(vm.sources());
        source.setId("accuracy-source");
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        source.setCellFactory(lv -> sourceCell());
        source.setButtonCell(sourceCell());
        source.setTooltip(Controls.tip("Whose accuracy numbers: one published set at a time (paper, TF-Slim,"
                + " TFLite, Keras, ...). Missing values are estimated and marked est."));
        ComboBox<AccuracyMetric> metric = new ComboBox<>();
        metric.setId("accuracy-metric");
        metric.getItems().setAll(AccuracyMetric.values());
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        metric.setConverter(Controls.display(AccuracyMetric::title));
        metric.setTooltip(Controls.tip("Top-1 or top-5 ImageNet accuracy."));
        ComboBox<CostAxis> axis = new ComboBox<>();
        axis.setId("cost-axis");
        axis.getItems().setAll(CostAxis.values());
        axis.valueProperty().bindBidirectional(vm.axisProperty());
        axis.setConverter(Controls.display(a -> a.title() + " [" + a.unit() + "]"));
        axis.setTooltip(Controls.tip("Cost axis: measured latency (from the results folder, for the backend"
                + " chosen on the left), computed MACs (log axis, the paper's Figure 4) or params (Figure 5)."));
        HBox exportBar = new HBox(4, new Label("Export"));
        for (ExportFormat f : new ExportFormat[] {ExportFormat.PNG, ExportFormat.SVG, ExportFormat.PDF,
            ExportFormat.CSV}) {
            javafx.scene.control.Button b = new javafx.scene.control.Button(f.name());
            b.setId("export-" + f.name().toLowerCase(java.util.Locale.ROOT));
            b.setOnAction(e -> vm.exportWithChooser(f));
            b.setTooltip(Controls.tip(f == ExportFormat.CSV ? "The plotted data with provenance columns"
                    : "The chart at 1280x800 as " + f.name()));
            b.disableProperty().bind(vm.chartProperty().isNull());
            exportBar.getChildren().add(b);
        }
        exportBar.getStyleClass().add("toolbar-row");
        source.setPrefWidth(240);
        metric.setPrefWidth(150);
        // as wide as its longest choice ("Mult-adds [million MACs]"), never cut
        axis.setPrefWidth(Math.max(200, 48 + java.util.Arrays.stream(CostAxis.values())
                .mapToDouble(a -> Tables.textWidth(a.title() + " [" + a.unit() + "]", javafx.scene.text.Font.getDefault()))
                .max().orElse(0)));
        axis.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label accuracyLabel = new Label("Accuracy");
        Label against = new Label("against");
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {accuracyLabel, against, source,
            metric, axis}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox selectors = new HBox(8, accuracyLabel, source, metric, against, axis);
        selectors.getStyleClass().add("toolbar-row");

        // latency series: devices (measured and published), precisions, predictions; on the latency axis only
        javafx.scene.control.MenuButton devices = new javafx.scene.control.MenuButton("Devices: all measured");
        devices.setId("tradeoff-devices");
        devices.setTooltip(Controls.tip("Which devices' latencies to chart, each as its own series: the machines in"
                + " the results folder (import others with import-results) and the published reference devices"
                + " (TF-Slim's Pixel latencies, never mixed with ours). None ticked: every measured device, one series"
                + " each."));
        Runnable fillDevices = () -> {
            devices.getItems().clear();
            for (String d : vm.devices()) {
                javafx.scene.control.CheckMenuItem item = new javafx.scene.control.CheckMenuItem(d);
                item.setSelected(vm.chosenDevices().contains(d));
                item.selectedProperty().addListener((o, was, now) -> {
                    if (now && !vm.chosenDevices().contains(d)) {
                        vm.chosenDevices().add(d);
                    } else if (!now) {
                        vm.chosenDevices().remove(d);
                    }
                });
                devices.getItems().add(item);
            }
        };
        vm.devices().addListener((javafx.collections.ListChangeListener<String>) c -> fillDevices.run());
        Runnable devicesText = () -> devices.setText(vm.chosenDevices().isEmpty() ? "Devices: all measured"
                : "Devices: " + vm.chosenDevices().size() + " chosen");
        vm.chosenDevices().addListener((javafx.collections.ListChangeListener<String>) c -> devicesText.run());
        devicesText.run();
        fillDevices.run();
        ComboBox<TradeoffViewModel.PrecisionChoice> precision = new ComboBox<>();
        precision.setId("tradeoff-precisions");
        precision.getItems().setAll(TradeoffViewModel.PrecisionChoice.values());
        precision.valueProperty().bindBidirectional(vm.precisionsProperty());
        precision.setConverter(Controls.display(TradeoffViewModel.PrecisionChoice::title));
        precision.setTooltip(Controls.tip("FP32, INT8, or both as two series with a thin line joining a"
                + " configuration's two points; INT8 takes TF-Slim's quantized accuracy."));
        javafx.scene.control.CheckBox predicted = new javafx.scene.control.CheckBox("Fill with predictions");
        predicted.setId("tradeoff-fill-predicted");
        predicted.selectedProperty().bindBidirectional(vm.fillPredictedProperty());
        predicted.setTooltip(Controls.tip("Unmeasured configurations predicted from this machine's device profile"
                + " (calibrate first): hollow dashed markers, a series of their own, \"predicted\" in the legend and"
                + " the tooltip."));
        Label seriesLabel = new Label("Latency series");
        HBox seriesRow = new HBox(8, seriesLabel, devices, precision, predicted);
        seriesRow.getStyleClass().add("toolbar-row");
        seriesRow.disableProperty().bind(vm.axisProperty().isNotEqualTo(CostAxis.LATENCY));
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {seriesLabel, devices, precision,
            predicted}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }

        Label caption = new Label();
        caption.setId("tradeoff-caption");
        caption.getStyleClass().add("section-heading");
        caption.setWrapText(true);
        caption.textProperty().bind(vm.captionProperty());
        HBox captionRow = new HBox(12, caption, exportBar);
        HBox.setHgrow(caption, Priority.ALWAYS);
        exportBar.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        ChartViewer viewer = new ChartViewer();
        viewer.setId("tradeoff-chart");
        // the window shows a copy with smaller fonts; exports use the view-model's chart as built
        vm.chartProperty().addListener((o, a, c) -> viewer.setChart(c == null ? null : windowCopy(c)));
        if (vm.chartProperty().get() != null) { // the view may be built after the chart (MainWindow builds lazily)
            viewer.setChart(windowCopy(vm.chartProperty().get()));
        }
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getEntity() instanceof XYItemEntity item) {
                    vm.loadItem(item.getDataset(), item.getSeriesIndex(), item.getItem());
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
                // tooltips come from the chart's tool-tip generator
            }
        });

        TableView<PointRow> table = new TableView<>(vm.points());
        table.setId("tradeoff-points");
        table.getColumns().add(Controls.textColumn("Configuration", "Label from the preset", PointRow::label, 190));
        table.getColumns().add(Controls.textColumn("Cost", "Cost on the chosen axis", PointRow::cost, 175));
        table.getColumns().add(Controls.textColumn("Accuracy", "est. = estimated from the source's published points",
                PointRow::accuracy, 140));
        table.getColumns().add(Controls.textColumn("Pareto", "On the Pareto front (no other point is both cheaper and more"
                + " accurate)", PointRow::pareto, 60));
        Tables.install(table, "tradeoff-points");
        table.getColumns().add(Controls.textColumn("Provenance", "Where each coordinate comes from", r -> r.provenance()
                .replace('\n', ' '), 600));
        table.setRowFactory(tv -> {
            TableRow<PointRow> row = new TableRow<>() {
                @Override
                protected void updateItem(PointRow r, boolean empty) {
                    super.updateItem(r, empty);
                    setTooltip(empty || r == null ? null : Controls.tip(r.provenance()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.load(row.getItem().point());
                }
            });
            return row;
        });
        Label notes = new Label();
        notes.setId("tradeoff-notes");
        notes.getStyleClass().add("hint");
        notes.setWrapText(true);
        notes.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        notes.textProperty().bind(vm.notesProperty());
        VBox bottom = new VBox(4, table, notes);
        VBox.setVgrow(table, Priority.ALWAYS);

        SplitPane split = new SplitPane(viewer, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox center = new VBox(6, selectors, seriesRow, captionRow, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        center.setPadding(new Insets(8));
        setCenter(center);
    }

    private static org.jfree.chart.JFreeChart windowCopy(org.jfree.chart.JFreeChart c) {
        try {
            return PaneCharts.forWindow((org.jfree.chart.JFreeChart) c.clone(), 0.6);
        } catch (CloneNotSupportedException e) {
            return c;
        }
    }

    private static ListCell<AccuracySource> sourceCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(AccuracySource s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name());
            }
        };
    }
}
