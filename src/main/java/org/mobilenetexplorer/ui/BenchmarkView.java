package org.mobilenetexplorer.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mobilenetexplorer.bench.LayerProfile;

/**
 * The Benchmark tab: run controls with progress (given by {@code runPanel}), the stored results table and the
 * selected result's per-layer time vs MACs chart.
 */
final class BenchmarkView extends BorderPane {
    private final DefaultCategoryDataset layerData = new DefaultCategoryDataset();

    BenchmarkView(BenchmarkViewModel vm, Node runPanel, Runnable chooseFolder) {
        setId(AppView.BENCHMARK.id());

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
        table.getColumns().add(col("Configuration", "Network configuration (and batch when not 1)",
                ResultRow::config, 150));
        table.getColumns().add(col("Backend", "Inference runtime and version", ResultRow::backend, 150));
        table.getColumns().add(col("Median [ms]", "Median latency of the measured runs (per batch)",
                ResultRow::median, 100));
        table.getColumns().add(col("p90 [ms]", "90th percentile of the measured runs", ResultRow::p90, 80));
        table.getColumns().add(col("CV [%]", "Coefficient of variation (stddev / mean); above 10 % is flagged",
                ResultRow::cv, 70));
        table.getColumns().add(col("GMAC/s", "Achieved multiply-adds per second at the median, with the share of"
                + " the estimated FMA peak", ResultRow::gmacs, 140));
        table.getColumns().add(col("Stability", "Flags: high CV, garbage collection during measurement, too few"
                + " runs", ResultRow::stability, 140));
        table.getColumns().add(col("Environment", "CPU, threads, native variant, JVM", ResultRow::environment,
                330));
        table.getColumns().add(col("When", "Timestamp of the run", ResultRow::when, 190));
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

        Label caption = new Label();
        caption.setId("layer-profile-caption");
        caption.getStyleClass().add("section-heading");
        caption.setWrapText(true);
        caption.textProperty().bind(vm.layerCaptionProperty());
        JFreeChart chart = Charts.shareBars(null, "share", layerData, PlotOrientation.VERTICAL, true);
        ((org.jfree.chart.plot.CategoryPlot) chart.getPlot()).getDomainAxis().setMaximumCategoryLabelWidthRatio(4f);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("layer-profile-chart");
        vm.layers().addListener((ListChangeListener<LayerProfile>) c -> fill(vm));
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

    private void fill(BenchmarkViewModel vm) {
        layerData.clear();
        for (LayerProfile l : vm.layers()) {
            layerData.addValue(l.timeShare(), "share of measured time", l.name());
            layerData.addValue(l.macShare(), "share of MACs", l.name());
        }
    }

    private static TableColumn<ResultRow, String> col(String title, String tip, java.util.function.Function<ResultRow,
            String> f, double width) {
        TableColumn<ResultRow, String> c = new TableColumn<>();
        Controls.header(c, title, tip);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
