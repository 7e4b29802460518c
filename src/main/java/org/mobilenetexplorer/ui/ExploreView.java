package org.mobilenetexplorer.ui;

import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mobilenetexplorer.model.KindShare;

/** The Explore tab: totals bar with the counting convention, the layer table, shares by kind, published figures. */
final class ExploreView extends BorderPane {
    private final DefaultCategoryDataset shares = new DefaultCategoryDataset();

    ExploreView(MainViewModel main) {
        ExploreViewModel vm = main.explore();
        setId(AppView.EXPLORE.id());

        // totals bar
        Label macs = new Label();
        macs.setId("total-macs");
        macs.getStyleClass().add("total-big");
        macs.textProperty().bind(vm.totalMacsProperty());
        macs.setTooltip(Controls.tip("Sum of every layer's multiply-adds at batch 1 (includes the FC layer, as the"
                + " paper's 569M does)."));
        Label params = new Label();
        params.setId("total-params");
        params.getStyleClass().add("total");
        params.textProperty().bind(vm.totalParamsProperty());
        params.setTooltip(Controls.tip("Parameters: weights + biases; batch-norm values listed separately. The"
                + " paper's '4.2M' counts weights only."));
        Label other = new Label();
        other.setId("total-other");
        other.textProperty().bind(vm.totalOtherProperty());
        Label convention = new Label("Counting: " + vm.convention());
        convention.setId("convention-label");
        convention.getStyleClass().add("convention");
        convention.setWrapText(true);
        VBox totals = new VBox(2, new HBox(24, macs, params), other, convention);
        totals.getStyleClass().add("totals-bar");
        totals.setPadding(new Insets(8, 10, 8, 10));

        // layer table
        TableView<LayerRow> table = new TableView<>(vm.rows());
        table.setId("layer-table");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        for (LayerColumn c : LayerColumn.values()) {
            table.getColumns().add(column(c));
        }
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                main.selectedLayerProperty().set(row.stats().name());
            }
        });
        // keep the selected layer selected across live updates and when another view selects one
        Runnable reselect = () -> {
            String name = main.selectedLayerProperty().get();
            if (name != null) {
                for (LayerRow r : table.getItems()) {
                    if (r.stats().name().equals(name)) {
                        if (table.getSelectionModel().getSelectedItem() != r) {
                            table.getSelectionModel().select(r);
                            table.scrollTo(Math.max(0, table.getItems().indexOf(r) - 3));
                        }
                        break;
                    }
                }
            }
        };
        vm.rows().addListener((ListChangeListener<LayerRow>) ch -> reselect.run());
        main.selectedLayerProperty().addListener(o -> reselect.run());

        // shares by kind
        JFreeChart chart = Charts.shareBars("Shares by layer kind", null, shares,
                PlotOrientation.HORIZONTAL, false);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 1);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 16)); // room for the "100%" tick label
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("shares-chart");
        viewer.setMinSize(200, 180);
        vm.shares().addListener((ListChangeListener<KindShare>) ch -> fill(vm));
        fill(vm);

        // published figures for this configuration
        Label pubSummary = new Label();
        pubSummary.setId("published-summary");
        pubSummary.getStyleClass().add("section-heading");
        pubSummary.setWrapText(true);
        pubSummary.textProperty().bind(vm.publishedSummaryProperty());
        TableView<PublishedRow> pub = new TableView<>(vm.publishedRows());
        pub.setId("published-table");
        pub.setPlaceholder(new Label("No published figures for this configuration."));
        pub.getColumns().add(text("Source", "Who published the figure", PublishedRow::source, 172));
        pub.getColumns().add(text("MACs [M]", "Printed million multiply-adds", PublishedRow::macs, 76));
        pub.getColumns().add(text("Params [M]", "Printed million parameters", PublishedRow::params, 92));
        pub.getColumns().add(text("Top-1 [%]", "Printed ImageNet top-1 accuracy", PublishedRow::top1, 76));
        pub.getColumns().add(text("Our arithmetic", "Does our exact count reproduce the printed MACs and params"
                + " to the printed precision?", PublishedRow::check, 250));
        pub.getColumns().add(text("Notes", "The reference data's notes (misprints, caveats)", PublishedRow::notes,
                300));
        pub.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(PublishedRow r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(Styles.MISMATCH, !empty && r != null && !r.matches());
                setTooltip(empty || r == null ? null : Controls.tip(r.model() + " — " + r.citation()
                        + (r.notes().isEmpty() ? "" : "\n" + r.notes())));
            }
        });
        VBox pubBox = new VBox(4, pubSummary, pub);
        VBox.setVgrow(pub, Priority.ALWAYS);
        pubBox.setPadding(new Insets(4, 0, 0, 0));

        SplitPane bottom = new SplitPane(viewer, pubBox);
        bottom.setDividerPositions(0.34);
        SplitPane center = new SplitPane(table, bottom);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.6);
        setTop(totals);
        setCenter(center);
    }

    private void fill(ExploreViewModel vm) {
        shares.clear();
        for (KindShare s : vm.shares()) {
            shares.addValue(s.macShare(), "MACs", s.kind().paperName());
            shares.addValue(s.paramShare(), "Params", s.kind().paperName());
        }
    }

    private static TableColumn<LayerRow, LayerRow> column(LayerColumn c) {
        TableColumn<LayerRow, LayerRow> col = new TableColumn<>();
        Controls.header(col, c.title(), c.tooltip());
        col.setId(c.id());
        col.setPrefWidth(c.width());
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        col.setComparator((a, b) -> compare(c.value(a), c.value(b)));
        col.setCellFactory(tc -> new TableCell<>() {
            @Override
            protected void updateItem(LayerRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : c.text(r));
            }
        });
        if (c.numeric()) {
            col.getStyleClass().add("numeric");
        }
        return col;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable a, Comparable b) {
        return a.compareTo(b);
    }

    static <S> TableColumn<S, String> text(String title, String tooltip, Function<S, String> f, double width) {
        TableColumn<S, String> col = new TableColumn<>();
        Controls.header(col, title, tooltip);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        col.setPrefWidth(width);
        return col;
    }
}
