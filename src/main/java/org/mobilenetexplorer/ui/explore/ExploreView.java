package org.mobilenetexplorer.ui.explore;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jfree.chart.fx.ChartViewer;
import org.mobilenetexplorer.chart.PaneCharts;
import org.mobilenetexplorer.model.KindShare;
import org.mobilenetexplorer.ui.common.Controls;
import org.mobilenetexplorer.ui.common.Styles;
import org.mobilenetexplorer.ui.common.Tables;

/** The Explore tab: totals bar with the counting convention, the layer table, shares by kind, published figures. */
public final class ExploreView extends BorderPane {

    public ExploreView(ExploreViewModel vm) {

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
        // the totals never cut a number: at alpha 2.5 or in a narrow window the params move to the next line
        macs.setMinWidth(Region.USE_PREF_SIZE);
        params.setMinWidth(Region.USE_PREF_SIZE);
        other.setWrapText(true);
        FlowPane headline = new FlowPane(24, 2, macs, params);
        VBox totals = new VBox(2, headline, other, convention);
        totals.getStyleClass().add("totals-bar");
        totals.setPadding(new Insets(8, 10, 8, 10));

        // layer table
        TableView<LayerRow> table = new TableView<>(vm.rows());
        table.setId("layer-table");
        for (LayerColumn c : LayerColumn.values()) {
            table.getColumns().add(column(c));
        }
        Tables.install(table, "layers");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                vm.selectedLayerProperty().set(row.stats().name());
            }
        });
        // keep the selected layer selected across live updates and when another view selects one
        Runnable reselect = () -> {
            String name = vm.selectedLayerProperty().get();
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
        vm.selectedLayerProperty().addListener(o -> reselect.run());

        // shares by kind
        ChartViewer viewer = new ChartViewer(PaneCharts.kindShares(vm.shares()));
        viewer.setId("shares-chart");
        viewer.setMinSize(200, 180);
        vm.shares().addListener((ListChangeListener<KindShare>) ch ->
                viewer.setChart(PaneCharts.kindShares(vm.shares())));

        // published figures for this configuration
        Label pubSummary = new Label();
        pubSummary.setId("published-summary");
        pubSummary.getStyleClass().add("section-heading");
        pubSummary.setWrapText(true);
        pubSummary.textProperty().bind(vm.publishedSummaryProperty());
        TableView<PublishedRow> pub = new TableView<>(vm.publishedRows());
        pub.setId("published-table");
        pub.setPlaceholder(new Label("No published figures for this configuration."));
        pub.getColumns().add(Controls.textColumn("Source", "Who published the figure", PublishedRow::source, 172));
        pub.getColumns().add(Controls.textColumn("MACs [M]", "Printed million multiply-adds", PublishedRow::macs, 76));
        pub.getColumns().add(Controls.textColumn("Params [M]", "Printed million parameters", PublishedRow::params, 92));
        pub.getColumns().add(Controls.textColumn("Top-1 [%]", "Printed ImageNet top-1 accuracy", PublishedRow::top1, 76));
        pub.getColumns().add(Controls.textColumn("Our arithmetic", "Does our exact count reproduce the printed MACs and params"
                + " to the printed precision?", PublishedRow::check, 250));
        pub.getColumns().add(Controls.textColumn("Notes", "The reference data's notes (misprints, caveats)", PublishedRow::notes,
                300));
        Tables.install(pub, "published-figures");
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

    private static TableColumn<LayerRow, LayerRow> column(LayerColumn c) {
        TableColumn<LayerRow, LayerRow> col = new TableColumn<>();
        Controls.header(col, c.title(), c.tooltip());
        col.setId(c.id());
        col.setPrefWidth(c.width());
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        Tables.cellText(col, c::text);
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
}
