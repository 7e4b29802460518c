package org.mobilenetexplorer.ui.benchmark;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.mobilenetexplorer.bench.LayerProfile;
import org.mobilenetexplorer.chart.PaneCharts;
import org.mobilenetexplorer.ui.common.Controls;
import org.mobilenetexplorer.ui.common.Tables;
import org.mobilenetexplorer.ui.common.Styles;

/**
 * The Benchmark tab: run controls with progress (given by {@code runPanel}), the stored results table and the
 * selected result's per-layer time vs MACs chart.
 */
public final class BenchmarkView extends BorderPane {
    /** The device filter's choice for every device. */
    static final String ALL_DEVICES = "All devices";

    /** @param chooseFolder asks for another results folder and opens it */
    public BenchmarkView(BenchmarkViewModel vm, Node runPanel, Runnable chooseFolder) {

        Button reload = new Button("Reload results");
        reload.setId("reload-results");
        reload.setOnAction(e -> vm.reload());
        reload.setTooltip(Controls.tip("Read every result file in the results folder again (Ctrl+L)."));
        Label store = new Label();
        store.setId("results-status");
        store.setWrapText(true);
        store.textProperty().bind(vm.storeStatusProperty());
        Button folder = new Button("Results folder…");
        folder.setId("open-results-folder");
        folder.setOnAction(e -> chooseFolder.run());
        folder.setTooltip(Controls.tip("Read results from another folder, e.g. one a CLI 'sweep --out DIR' wrote;"
                + " new benchmarks are saved there too (Ctrl+Shift+L)."));
        // one device or every device: imported machines apart from this one
        ComboBox<String> device = new ComboBox<>();
        device.setId("results-device-filter");
        Runnable fillDevices = () -> {
            List<String> items = new ArrayList<>();
            items.add(ALL_DEVICES);
            items.addAll(vm.devices());
            device.getItems().setAll(items);
            device.setValue(vm.deviceFilterProperty().get() == null ? ALL_DEVICES : vm.deviceFilterProperty().get());
        };
        vm.devices().addListener((ListChangeListener<String>) c -> fillDevices.run());
        fillDevices.run();
        device.valueProperty().addListener((o, a, d) -> {
            if (d != null) {
                vm.deviceFilterProperty().set(ALL_DEVICES.equals(d) ? null : d);
            }
        });
        vm.deviceFilterProperty().addListener((o, a, d) -> device.setValue(d == null ? ALL_DEVICES : d));
        device.setTooltip(Controls.tip("Show the results of one device (CPU and OS as its environment record names"
                + " them) or of every device. Import another machine's results with File > Import results."));
        device.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        device.setPrefWidth(230);
        // the buttons keep their text; the wrapping status line gives way (at 1280x800 it squeezed them to "Re...")
        reload.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        folder.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        store.setMinWidth(0);
        HBox storeRow = new HBox(8, reload, folder, device, store);
        storeRow.getStyleClass().add("toolbar-row");
        HBox.setHgrow(store, Priority.ALWAYS);
        Label imported = new Label();
        imported.setId("import-report");
        imported.getStyleClass().add("hint");
        imported.setWrapText(true);
        imported.textProperty().bind(vm.importReportProperty());
        imported.visibleProperty().bind(vm.importReportProperty().isNotEmpty());
        imported.managedProperty().bind(imported.visibleProperty());

        // the filtered rows, sorted by a clicked header without touching the view-model's order
        SortedList<ResultRow> sorted = new SortedList<>(vm.shownResults());
        TableView<ResultRow> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("results-table");
        table.setPlaceholder(new Label("No stored results yet: run a benchmark above."));
        TableColumn<ResultRow, String> deviceColumn = Controls.textColumn("Device", "The machine it was measured on"
                + " (CPU, OS); results group by device: imported machines apart from this one. Hover a cell for the"
                + " CPU, cores, clock, memory and SIMD flags.", ResultRow::device, 180);
        deviceColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                ResultRow r = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(r == null ? null : Controls.tip(r.deviceRecord()));
            }
        });
        table.getColumns().add(deviceColumn);
        table.getColumns().add(Controls.textColumn("Configuration", "Network configuration (and batch when not 1)",
                ResultRow::config, 150));
        table.getColumns().add(Controls.textColumn("Backend", "Inference runtime and version", ResultRow::backend, 150));
        table.getColumns().add(Controls.textColumn("Median [ms]", "Median latency of the measured runs (per batch)",
                ResultRow::median, 100));
        table.getColumns().add(Controls.textColumn("p90 [ms]", "90th percentile of the measured runs", ResultRow::p90, 80));
        table.getColumns().add(Controls.textColumn("CV [%]", "Coefficient of variation (stddev / mean); above 10 % is flagged",
                ResultRow::cv, 70));
        table.getColumns().add(Controls.textColumn("GMAC/s", "Achieved multiply-adds per second at the median, with the share of"
                + " the estimated FMA peak", ResultRow::gmacs, 140));
        table.getColumns().add(Controls.textColumn("Stability", "Flags: high CV, garbage collection during measurement, too few"
                + " runs", ResultRow::stability, 140));
        table.getColumns().add(Controls.textColumn("Environment", "CPU, threads, native variant, JVM", ResultRow::environment,
                330));
        table.getColumns().add(Controls.textColumn("When", "Timestamp of the run", ResultRow::when, 190));
        Tables.install(table, "benchmark-results");
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(ResultRow r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(Styles.UNSTABLE, !empty && r != null && !r.result().isStable());
                setTooltip(empty || r == null ? null : Controls.tip(r.stability() + "\n" + r.environment()
                        + "\n" + r.deviceRecord() + "\nfile id " + r.result().id()));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.selectedProperty().set(r);
            }
        });
        vm.selectedProperty().addListener((o, a, r) -> {
            if (r != null && table.getSelectionModel().getSelectedItem() != r) {
                table.getSelectionModel().select(r);
            }
        });
        if (vm.selectedProperty().get() != null) { // the view may be built after a selection (built lazily)
            table.getSelectionModel().select(vm.selectedProperty().get());
        }

        Label caption = new Label();
        caption.setId("layer-profile-caption");
        caption.getStyleClass().add("section-heading");
        caption.setWrapText(true);
        caption.textProperty().bind(vm.layerCaptionProperty());
        ChartViewer viewer = new ChartViewer(PaneCharts.layerProfile(vm.layers()));
        viewer.setId("layer-profile-chart");
        vm.layers().addListener((ListChangeListener<LayerProfile>) c ->
                viewer.setChart(PaneCharts.layerProfile(vm.layers())));
        VBox chartBox = new VBox(4, caption, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);

        SplitPane split = new SplitPane(table, chartBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        VBox center = new VBox(8, runPanel, storeRow, imported, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        center.setPadding(new Insets(8));
        setCenter(center);
    }
}
