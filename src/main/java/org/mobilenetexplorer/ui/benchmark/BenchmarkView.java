package org.mobilenetexplorer.ui.benchmark;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
        HBox storeRow = new HBox(8, reload, folder, store);
        storeRow.getStyleClass().add("toolbar-row");
        HBox.setHgrow(store, Priority.ALWAYS);

        TableView<ResultRow> table = new TableView<>(vm.results());
        table.setId("results-table");
        table.setPlaceholder(new Label("No stored results yet: run a benchmark above."));
        table.getColumns().add(Controls.textColumn("Device", "The machine it was measured on (CPU, OS); results"
                + " group by device: imported machines apart from this one", ResultRow::device, 180));
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
                        + "\nfile id " + r.result().id()));
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
        VBox center = new VBox(8, runPanel, storeRow, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        center.setPadding(new Insets(8));
        setCenter(center);
    }
}
