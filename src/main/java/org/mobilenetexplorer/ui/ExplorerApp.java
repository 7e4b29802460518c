package org.mobilenetexplorer.ui;

import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;

/** The JavaFX application (minimal window until the GUI issue lands: the layer table of 1.0-224). */
public final class ExplorerApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        NetworkStats stats = NetworkStats.of(MobileNetConfig.DEFAULT);
        TableView<LayerStats> table = new TableView<>();
        table.getColumns().add(col("Layer", s -> s.name()));
        table.getColumns().add(col("Kind", s -> s.kind().name()));
        table.getColumns().add(col("Input", s -> s.layer().input().toString()));
        table.getColumns().add(col("Output", s -> s.layer().output().toString()));
        table.getColumns().add(col("MACs", LayerStats::macs));
        table.getColumns().add(col("Params", LayerStats::params));
        table.getItems().setAll(stats.layers());
        BorderPane root = new BorderPane(table);
        root.setBottom(new Label("Total " + stats.totals().macs() + " MACs, " + stats.totals().params()
                + " params. " + CostModel.CONVENTION));
        stage.setTitle("MobileNet Explorer - " + stats.config().label());
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }

    private static <T> TableColumn<LayerStats, T> col(String title, java.util.function.Function<LayerStats, T> f) {
        TableColumn<LayerStats, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }
}
