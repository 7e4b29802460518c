package org.mobilenetexplorer.ui.app;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A tab whose engine is not in this build: says what is missing instead of showing made-up data. */
final class UnavailableView extends VBox {
    UnavailableView(AppView view, String what) {
        setId(view.id());
        Label title = new Label(view.title() + " is not available in this build");
        title.getStyleClass().add("section-heading");
        Label text = new Label(what);
        text.setId(view.id() + "-unavailable");
        text.setWrapText(true);
        getChildren().addAll(title, text);
        setSpacing(8);
        setPadding(new Insets(16));
    }
}
