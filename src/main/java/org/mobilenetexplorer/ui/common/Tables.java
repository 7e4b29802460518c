package org.mobilenetexplorer.ui.common;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * What every results and layer table does, in one place: columns sized to their content (never below their
 * designed width, at most {@link #MAX_COLUMN_WIDTH}; a longer text shows in full in its tooltip, see
 * {@link Controls#textColumn}), multi-row selection, Ctrl+C (tab-separated, with the headers) and a context menu
 * with Copy, Copy all and Export CSV....
 */
public final class Tables {
    /** Column property: the {@code Function<S, String>} giving a row's text in that column. */
    static final String CELL_TEXT = "mobilenet-explorer.cellText";
    /** Column property: the width the view designed (the column never gets narrower). */
    static final String DESIGNED_WIDTH = "mobilenet-explorer.designedWidth";
    /** Root-node property key under which the window offers its {@link Dialogs} (for Export CSV...). */
    public static final String DIALOGS = "mobilenet-explorer.dialogs";
    /** Widest a column grows to fit its content. */
    public static final double MAX_COLUMN_WIDTH = 520;
    private static final double CELL_PADDING = 22;
    private static final double HEADER_PADDING = 30;

    private Tables() {
    }

    /** Registers how a row reads in {@code column} (for sizing, copying and export). */
    public static <S> void cellText(TableColumn<S, ?> column, Function<S, String> text) {
        column.getProperties().put(CELL_TEXT, text);
    }

    /** The text of {@code row} in {@code column}: the registered function, else the cell value as text. */
    @SuppressWarnings("unchecked")
    public static <S> String text(TableColumn<S, ?> column, S row) {
        Object f = column.getProperties().get(CELL_TEXT);
        if (f instanceof Function<?, ?> fn) {
            String s = ((Function<S, String>) fn).apply(row);
            return s == null ? "" : s;
        }
        Object v = column.getCellData(row);
        return v == null ? "" : v.toString();
    }

    /**
     * Sizes the columns to their content now and whenever the rows or columns change, and installs selection,
     * Ctrl+C and the context menu. {@code name} names the exported file ("layers" gives {@code layers.csv}).
     */
    public static <S> void install(TableView<S> table, String name) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Runnable fit = () -> fitColumns(table);
        table.getItems().addListener((ListChangeListener<S>) c -> fit.run());
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> fit.run());
        table.itemsProperty().addListener((o, a, items) -> {
            items.addListener((ListChangeListener<S>) c -> fit.run());
            fit.run();
        });
        fit.run();

        KeyCombination copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (copy.match(e)) {
                toClipboard(tsv(table, selectedOrAll(table, false)));
                e.consume();
            }
        });
        MenuItem copyItem = new MenuItem("Copy");
        copyItem.setAccelerator(copy);
        copyItem.setOnAction(e -> toClipboard(tsv(table, selectedOrAll(table, false))));
        MenuItem copyAll = new MenuItem("Copy all");
        copyAll.setOnAction(e -> toClipboard(tsv(table, table.getItems())));
        MenuItem export = new MenuItem("Export CSV...");
        export.setOnAction(e -> exportCsv(table, name));
        table.setContextMenu(new ContextMenu(copyItem, copyAll, new SeparatorMenuItem(), export));
    }

    /** The selected rows in table order (all rows when {@code allIfNone} and nothing is selected). */
    static <S> List<S> selectedOrAll(TableView<S> table, boolean allIfNone) {
        List<S> out = new ArrayList<>();
        for (Integer i : table.getSelectionModel().getSelectedIndices().sorted()) {
            if (i >= 0 && i < table.getItems().size()) {
                out.add(table.getItems().get(i));
            }
        }
        return out.isEmpty() && allIfNone ? List.copyOf(table.getItems()) : out;
    }

    /** The header line and {@code rows}, tab-separated (tabs and line breaks inside a cell become spaces). */
    public static <S> String tsv(TableView<S> table, List<S> rows) {
        List<TableColumn<S, ?>> cols = leaves(table);
        StringBuilder sb = new StringBuilder();
        sb.append(String.join("\t", cols.stream().map(c -> clean(header(c))).toList())).append('\n');
        for (S r : rows) {
            sb.append(String.join("\t", cols.stream().map(c -> clean(text(c, r))).toList())).append('\n');
        }
        return sb.toString();
    }

    /** Every row as CSV with a header line (RFC 4180 quoting). */
    public static <S> String csv(TableView<S> table) {
        List<TableColumn<S, ?>> cols = leaves(table);
        CsvSchema.Builder schema = CsvSchema.builder();
        for (TableColumn<S, ?> c : cols) {
            schema.addColumn(header(c));
        }
        StringWriter out = new StringWriter();
        try (SequenceWriter w = new CsvMapper().writer(schema.build().withHeader()).writeValues(out)) {
            for (S r : table.getItems()) {
                w.write(cols.stream().map(c -> text(c, r)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Asks for a file (through the window's {@link Dialogs}) and writes the table as CSV; the status line reports. */
    static <S> void exportCsv(TableView<S> table, String name) {
        Dialogs dialogs = table.getScene() == null ? null
                : (Dialogs) table.getScene().getRoot().getProperties().get(DIALOGS);
        if (dialogs == null) {
            dialogs = new FxDialogs(() -> table.getScene() == null ? null : table.getScene().getWindow());
        }
        Optional<Path> file = dialogs.chooseSave("Export the table as CSV", Path.of(System.getProperty("user.dir")),
                name + ".csv", "CSV files", "csv");
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.writeString(file.get(), csv(table));
        } catch (IOException | UncheckedIOException e) {
            dialogs.error("Export CSV", file.get() + " could not be written: " + e.getMessage());
        }
    }

    /** Each leaf column as wide as its widest text (header included), between its designed width and the cap. */
    public static <S> void fitColumns(TableView<S> table) {
        Font font = Font.getDefault();
        // the theme draws headers in bold
        Font headerFont = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        for (TableColumn<S, ?> c : leaves(table)) {
            Object designed = c.getProperties().computeIfAbsent(DESIGNED_WIDTH, k -> c.getPrefWidth());
            double w = textWidth(header(c), headerFont) + HEADER_PADDING;
            for (S r : table.getItems()) {
                w = Math.max(w, textWidth(text(c, r), font) + CELL_PADDING);
            }
            c.setPrefWidth(Math.min(MAX_COLUMN_WIDTH, Math.max((Double) designed, Math.ceil(w))));
        }
    }

    /** Width of {@code s} in {@code font}, in pixels. */
    public static double textWidth(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static <S> List<TableColumn<S, ?>> leaves(TableView<S> table) {
        return List.copyOf(table.getVisibleLeafColumns());
    }

    private static String header(TableColumn<?, ?> c) {
        if (c.getText() != null && !c.getText().isEmpty()) {
            return c.getText();
        }
        if (c.getGraphic() instanceof javafx.scene.control.Labeled l) {
            return l.getText();
        }
        return c.getId() == null ? "" : c.getId();
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
