package org.mobilenetexplorer.ui.common;

import java.util.function.DoubleConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** Small view helpers: wiring only, no logic (the view-models decide values and validity). */
public final class Controls {
    private Controls() {
    }

    /** The node property holding the text of a tooltip not built yet ({@link #tip(Node, String)}). */
    private static final String PENDING_TIP = "mne.pendingTip";
    /** The node property marking that {@link #tip(Node, String)}'s mouse handler is installed. */
    private static final String TIP_HANDLER = "mne.tipHandler";

    /**
     * Gives {@code node} the tooltip {@code text} (null: none), building the {@link Tooltip} only when the pointer
     * first enters the node. A Tooltip is a popup window with its own CSS: building the ones of the first view (column
     * headers, knobs, one per box of the network drawing, again on every redraw) took about a tenth of the start-up's
     * JavaFX-thread time (JFR, 2026-11-30). A tooltip already built is updated in place.
     */
    public static void tip(Node node, String text) {
        Tooltip built = builtTip(node);
        if (built != null) {
            if (text == null) {
                uninstall(node, built);
            } else {
                built.setText(text);
                return;
            }
        }
        if (text == null) {
            node.getProperties().remove(PENDING_TIP);
            return;
        }
        node.getProperties().put(PENDING_TIP, text);
        if (!node.getProperties().containsKey(TIP_HANDLER)) {
            EventHandler<MouseEvent> onEnter = e -> {
                Object pending = node.getProperties().remove(PENDING_TIP);
                if (pending instanceof String t && builtTip(node) == null) {
                    Tooltip tooltip = tip(t);
                    if (node instanceof Control c) {
                        c.setTooltip(tooltip);
                    } else {
                        Tooltip.install(node, tooltip);
                        node.getProperties().put(Tooltip.class, tooltip);
                    }
                }
            };
            node.getProperties().put(TIP_HANDLER, onEnter);
            node.addEventHandler(MouseEvent.MOUSE_ENTERED, onEnter);
        }
    }

    /** The text of {@code node}'s tooltip, built or not yet built ({@link #tip(Node, String)}); null when none. */
    public static String tipText(Node node) {
        Tooltip built = builtTip(node);
        if (built != null) {
            return built.getText();
        }
        return node.getProperties().get(PENDING_TIP) instanceof String t ? t : null;
    }

    private static Tooltip builtTip(Node node) {
        if (node instanceof Control c) {
            return c.getTooltip();
        }
        return node.getProperties().get(Tooltip.class) instanceof Tooltip t ? t : null;
    }

    private static void uninstall(Node node, Tooltip t) {
        if (node instanceof Control c) {
            c.setTooltip(null);
        } else {
            Tooltip.uninstall(node, t);
            node.getProperties().remove(Tooltip.class);
        }
    }

    public static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(300));
        return t;
    }

    /**
     * Keeps a slider and a view-model value in step: the view-model's value moves the thumb; a moved thumb is
     * handed to {@code moved}, which snaps and stores it. A value outside the slider's range leaves the thumb at
     * the end without writing back.
     */
    public static void sync(Slider slider, ObservableValue<? extends Number> value, DoubleConsumer moved) {
        boolean[] updating = {false};
        slider.setValue(value.getValue().doubleValue());
        value.addListener((o, a, v) -> {
            updating[0] = true;
            try {
                slider.setValue(v.doubleValue());
            } finally {
                updating[0] = false;
            }
        });
        slider.valueProperty().addListener((o, a, v) -> {
            if (!updating[0]) {
                moved.accept(v.doubleValue());
            }
        });
    }

    /** A spinner that commits typed text on focus loss too. */
    public static <T> void commitOnFocusLoss(Spinner<T> spinner) {
        spinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                spinner.commitValue();
            }
        });
    }

    /** A display-only converter for a non-editable choice box: how each item reads. */
    public static <T> StringConverter<T> display(Function<T, String> format) {
        return converter(format, s -> java.util.Optional.empty(), () -> null);
    }

    /** A converter whose parsing is the view-model's: rejected text keeps the current value. */
    public static <T> StringConverter<T> converter(Function<T, String> format, Function<String, java.util.Optional<T>> parse,
                                            java.util.function.Supplier<T> current) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : format.apply(v);
            }

            @Override
            public T fromString(String s) {
                return parse.apply(s).orElseGet(current);
            }
        };
    }

    /** A header with a tooltip (column headers have no tooltip of their own). */
    public static <S, T> void header(TableColumn<S, T> column, String title, String tooltip) {
        Label l = new Label(title);
        tip(l, tooltip);
        l.getStyleClass().add("column-title");
        column.setGraphic(l);
        column.setText("");
    }

    /** A read-only text column with a header tooltip: {@code f} gives each row's text. */
    public static <S> TableColumn<S, String> textColumn(String title, String tooltip, Function<S, String> f,
                                                       double width) {
        TableColumn<S, String> col = new TableColumn<>();
        header(col, title, tooltip);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        col.setCellFactory(tc -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                // a text wider than its column (beyond Tables.MAX_COLUMN_WIDTH) shows in full in its tooltip
                boolean cut = !empty && s != null && Tables.textWidth(s, getFont()) + 12 > tc.getWidth();
                tip(this, cut ? s : null);
            }
        });
        Tables.cellText(col, f);
        col.setPrefWidth(width);
        return col;
    }
}
