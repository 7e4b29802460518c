package org.mobilenetexplorer.ui.explore;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jfree.chart.fx.ChartViewer;
import org.mobilenetexplorer.chart.PaneCharts;
import org.mobilenetexplorer.model.KindShare;
import org.mobilenetexplorer.ui.common.ChartThemes;
import org.mobilenetexplorer.ui.common.Controls;
import org.mobilenetexplorer.ui.common.Styles;
import org.mobilenetexplorer.ui.common.Tables;

/**
 * The Explore tab: totals bar with the counting convention, the network drawing, the layer table (blocks expand
 * into their layers), shares by kind, published figures.
 */
public final class ExploreView extends BorderPane {

    /** An Explore view whose network drawing follows {@code theme}. */
    public ExploreView(ExploreViewModel vm,
                       javafx.beans.value.ObservableValue<org.mobilenetexplorer.ui.common.Theme> theme) {

        // totals bar
        Label macs = new Label();
        macs.setId("total-macs");
        macs.getStyleClass().add("total-big");
        macs.textProperty().bind(vm.totalMacsProperty());
        Controls.tip(macs, "Sum of every layer's multiply-adds at batch 1 (includes the FC layer, as the"
                + " paper's 569M does).");
        Label params = new Label();
        params.setId("total-params");
        params.getStyleClass().add("total");
        params.textProperty().bind(vm.totalParamsProperty());
        Controls.tip(params, "Parameters: weights + biases; batch-norm values listed separately. The"
                + " paper's '4.2M' counts weights only.");
        Label other = new Label();
        other.setId("total-other");
        other.textProperty().bind(vm.totalOtherProperty());
        Label convention = new Label();
        convention.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Counting: " + vm.convention(), vm.statsProperty()));
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

        TreeTableView<LayerTableRow> table = layerTable(vm);
        VBox drawing = drawing(vm, theme);

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
        pubSummary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // its second line, never "..."
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
                Controls.tip(this, empty || r == null ? null : r.model() + " — " + r.citation()
                        + (r.notes().isEmpty() ? "" : "\n" + r.notes()));
            }
        });
        VBox pubBox = new VBox(4, pubSummary, pub);
        VBox.setVgrow(pub, Priority.ALWAYS);
        pubBox.setPadding(new Insets(4, 0, 0, 0));

        SplitPane bottom = new SplitPane(viewer, pubBox);
        bottom.setDividerPositions(0.34);
        // the shares chart and the published figures join after the window's first frame: the totals, the drawing
        // and the filled layer table are what the first frame must show, and the two panes below them (a chart
        // drawn on a canvas and a second table) cost the start-up's first CSS and layout pass a good part of its time
        StackPane below = new StackPane();
        below.setId("explore-below");
        below.getProperties().put(ChartThemes.DEFERRED_CONTENT, bottom);
        whenFirstShown(below, () -> below.getChildren().setAll(bottom));
        SplitPane center = new SplitPane(drawing, table, below);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.2, 0.64);
        SplitPane.setResizableWithParent(drawing, false);
        setTop(totals);
        setCenter(center);
    }

    /**
     * Runs {@code attach} on the JavaFX thread after the first layout pulse of the scene {@code node} is in (at once,
     * later, whenever it joins one): the part it attaches is drawn one frame after the rest.
     */
    private static void whenFirstShown(Node node, Runnable attach) {
        boolean[] done = {false};
        javafx.beans.value.ChangeListener<Scene> onScene = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene scene) {
                if (scene == null || done[0]) {
                    return;
                }
                node.sceneProperty().removeListener(this);
                Runnable[] pulse = new Runnable[1];
                pulse[0] = () -> {
                    scene.removePostLayoutPulseListener(pulse[0]);
                    javafx.application.Platform.runLater(() -> {
                        if (!done[0]) {
                            done[0] = true;
                            attach.run();
                        }
                    });
                };
                scene.addPostLayoutPulseListener(pulse[0]);
                javafx.application.Platform.requestNextPulse();
            }
        };
        node.sceneProperty().addListener(onScene);
    }

    /**
     * The layer table: a tree of blocks and their layers (the user's expand/collapse choices kept by the view
     * model across live updates), selection in step with {@link ExploreViewModel#selectedRowProperty()}.
     */
    private static TreeTableView<LayerTableRow> layerTable(ExploreViewModel vm) {
        TreeTableView<LayerTableRow> table = new TreeTableView<>();
        table.setId("layer-table");
        table.setShowRoot(false);
        for (LayerColumn c : LayerColumn.values()) {
            table.getColumns().add(column(c));
        }
        Tables.install(table, "layers");
        MenuItem expandAll = new MenuItem("Expand all blocks");
        expandAll.setOnAction(e -> {
            vm.setAllExpanded(true);
            table.setRoot(root(vm));
        });
        MenuItem collapseAll = new MenuItem("Collapse all blocks");
        collapseAll.setOnAction(e -> {
            vm.setAllExpanded(false);
            table.setRoot(root(vm));
        });
        table.getContextMenu().getItems().addAll(new SeparatorMenuItem(), expandAll, collapseAll);
        boolean[] rebuilding = {false};
        table.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && !rebuilding[0]) {
                vm.selectedRowProperty().set(item.getValue().key());
            }
        });
        // keep the selected row selected across live updates and when the drawing or another view selects one
        Runnable reselect = () -> {
            String key = vm.selectedRowProperty().get();
            if (key == null) {
                return;
            }
            TreeItem<LayerTableRow> item = table.getRoot() == null ? null : find(table.getRoot(), key, vm);
            if (item != null && table.getSelectionModel().getSelectedItem() != item) {
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(item);
                int i = table.getRow(item);
                if (i >= 0) {
                    table.scrollTo(Math.max(0, i - 3));
                }
            }
        };
        Runnable rebuild = () -> {
            rebuilding[0] = true;
            try {
                table.setRoot(root(vm));
            } finally {
                rebuilding[0] = false;
            }
            reselect.run();
        };
        vm.treeProperty().addListener(o -> rebuild.run());
        vm.selectedRowProperty().addListener(o -> reselect.run());
        rebuild.run();
        return table;
    }

    /** A fresh root for the current tree, each group expanded as the view model remembers. */
    private static TreeItem<LayerTableRow> root(ExploreViewModel vm) {
        TreeItem<LayerTableRow> root = new TreeItem<>();
        root.setExpanded(true);
        for (LayerTableRow r : vm.tree()) {
            root.getChildren().add(item(r, vm));
        }
        return root;
    }

    private static TreeItem<LayerTableRow> item(LayerTableRow r, ExploreViewModel vm) {
        TreeItem<LayerTableRow> item = new TreeItem<>(r);
        if (!r.children().isEmpty()) {
            for (LayerTableRow c : r.children()) {
                item.getChildren().add(item(c, vm));
            }
            item.setExpanded(vm.isExpanded(r.key()));
            item.expandedProperty().addListener((o, was, is) -> vm.setExpanded(r.key(), is));
        }
        return item;
    }

    /** The item of {@code key}, its groups expanded so it shows. */
    private static TreeItem<LayerTableRow> find(TreeItem<LayerTableRow> root, String key, ExploreViewModel vm) {
        TreeItem<LayerTableRow> level = root;
        for (String group : vm.ancestorsOf(key)) {
            level = child(level, group);
            if (level == null) {
                return null;
            }
            level.setExpanded(true);
        }
        return child(level, key);
    }

    private static TreeItem<LayerTableRow> child(TreeItem<LayerTableRow> parent, String key) {
        for (TreeItem<LayerTableRow> c : parent.getChildren()) {
            if (c.getValue().key().equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** The network drawing with its caption, scrolling sideways when the window is too narrow for it. */
    private static VBox drawing(ExploreViewModel vm,
                                javafx.beans.value.ObservableValue<org.mobilenetexplorer.ui.common.Theme> theme) {
        Label caption = new Label("Network: one box per block or layer, input on the left; width grows with the"
                + " output channels, height with the output resolution; the stronger the blue, the larger its share of the MACs."
                + " Click a"
                + " box to select its row.");
        caption.setId("drawing-caption");
        caption.getStyleClass().add("hint");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        NetworkDrawingView view = new NetworkDrawingView(vm, theme);
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("network-drawing-scroll");
        VBox box = new VBox(2, caption, scroll);
        box.setPadding(new Insets(4, 8, 2, 8));
        box.setMinHeight(70);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return box;
    }

    private static TreeTableColumn<LayerTableRow, LayerTableRow> column(LayerColumn c) {
        TreeTableColumn<LayerTableRow, LayerTableRow> col = new TreeTableColumn<>();
        Label header = new Label(c.title());
        header.getStyleClass().add("column-title");
        Controls.tip(header, c.tooltip());
        col.setGraphic(header);
        col.setId(c.id());
        col.setPrefWidth(c.width());
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().getValue()));
        Tables.cellText(col, c::text);
        col.setComparator((a, b) -> compare(c.value(a), c.value(b)));
        col.setCellFactory(tc -> new TreeTableCell<>() {
            @Override
            protected void updateItem(LayerTableRow r, boolean empty) {
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
