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
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
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
 * with Copy, Copy all and Export CSV.... Tree tables ({@link TreeTableView}) get the same: every row of the tree
 * counts for sizing, Copy all and Export CSV (collapsed ones included, in tree order).
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
        followFont(table, fit);
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
        return csv(cols.stream().map(Tables::header).toList(), table.getItems(),
                r -> cols.stream().map(c -> text(c, r)).toList());
    }

    private static <S> String csv(List<String> headers, List<S> rows, Function<S, List<String>> cells) {
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String h : headers) {
            schema.addColumn(h);
        }
        StringWriter out = new StringWriter();
        try (SequenceWriter w = new CsvMapper().writer(schema.build().withHeader()).writeValues(out)) {
            for (S r : rows) {
                w.write(cells.apply(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Asks for a file (through the window's {@link Dialogs}) and writes the table as CSV; the status line reports. */
    static <S> void exportCsv(TableView<S> table, String name) {
        exportCsv(table, () -> csv(table), name);
    }

    private static void exportCsv(javafx.scene.control.Control table, java.util.function.Supplier<String> csv,
                                  String name) {
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
            Files.writeString(file.get(), csv.get());
        } catch (IOException | UncheckedIOException e) {
            dialogs.error("Export CSV", file.get() + " could not be written: " + e.getMessage());
        }
    }

    /** Each leaf column as wide as its widest text (header included), between its designed width and the cap. */
    public static <S> void fitColumns(TableView<S> table) {
        fit(leaves(table), table.getItems(), Tables::text, 0, font(table));
    }

    /** The font the table's text is drawn in (its column headers' font, see {@link #followFont}). */
    static Font font(javafx.scene.control.Control table) {
        return table.getProperties().get(FONT) instanceof Font f ? f : Font.getDefault();
    }

    /**
     * Sizes the columns again whenever the table's font changes (presentation mode on or off, another theme): the
     * font is read from a column header's label once the table has its skin, so widths follow the font drawn, not
     * the platform default (presentation mode cut "(-42.1 %)" to "(-42..." before).
     */
    private static void followFont(javafx.scene.control.Control table, Runnable fit) {
        Runnable attach = () -> {
            // a header label is the probe while it is in the table (new columns bring new header labels)
            if (table.getProperties().get(FONT_PROBE) instanceof javafx.scene.control.Labeled old
                    && old.getScene() != null && old.getScene() == table.getScene()) {
                return;
            }
            table.applyCss();
            if (table.lookup(".column-header .label") instanceof javafx.scene.control.Labeled probe) {
                table.getProperties().put(FONT_PROBE, probe);
                probe.fontProperty().addListener((o, a, f) -> {
                    if (f != null && table.getProperties().get(FONT_PROBE) == probe && (a == null || a.getSize() != f.getSize() || !a.getFamily().equals(f.getFamily()))) {
                        table.getProperties().put(FONT, f);
                        fit.run();
                    }
                });
                table.getProperties().put(FONT, probe.getFont());
                fit.run();
            }
        };
        table.skinProperty().addListener((o, a, skin) -> javafx.application.Platform.runLater(attach));
        table.sceneProperty().addListener((o, a, scene) -> javafx.application.Platform.runLater(attach));
        if (table instanceof TableView<?> t) {
            t.getColumns().addListener((ListChangeListener<Object>) c -> javafx.application.Platform.runLater(attach));
        } else if (table instanceof TreeTableView<?> t) {
            t.getColumns().addListener((ListChangeListener<Object>) c -> javafx.application.Platform.runLater(attach));
        }
        if (table.getSkin() != null) {
            attach.run();
        }
    }

    private static final String FONT = "mobilenet-explorer.font";
    private static final String FONT_PROBE = "mobilenet-explorer.fontProbe";

    private static <C extends TableColumnBase<?, ?>, S> void fit(List<C> columns, List<S> rows,
                                                                 java.util.function.BiFunction<C, S, String> text,
                                                                 double indent, Font drawn) {
        Font font = Font.font(drawn.getFamily(), FontWeight.NORMAL, drawn.getSize());
        // the theme draws headers in bold
        Font headerFont = Font.font(drawn.getFamily(), FontWeight.BOLD, drawn.getSize());
        for (C c : columns) {
            Object designed = c.getProperties().computeIfAbsent(DESIGNED_WIDTH, k -> c.getPrefWidth());
            double w = textWidth(header(c), headerFont) + HEADER_PADDING;
            for (S r : rows) {
                w = Math.max(w, textWidth(text.apply(c, r), font) + CELL_PADDING
                        + (c == columns.get(0) ? indent * drawn.getSize() / Font.getDefault().getSize() : 0));
            }
            c.setPrefWidth(Math.min(MAX_COLUMN_WIDTH, Math.max((Double) designed, Math.ceil(w))));
        }
    }

    /** Registers how a row value reads in tree {@code column} (for sizing, copying and export). */
    public static <S> void cellText(TreeTableColumn<S, ?> column, Function<S, String> text) {
        column.getProperties().put(CELL_TEXT, text);
    }

    /** The text of row value {@code row} in tree {@code column} (the registered function). */
    @SuppressWarnings("unchecked")
    public static <S> String text(TreeTableColumn<S, ?> column, S row) {
        Object f = column.getProperties().get(CELL_TEXT);
        if (f instanceof Function<?, ?> fn) {
            String s = ((Function<S, String>) fn).apply(row);
            return s == null ? "" : s;
        }
        return "";
    }

    /**
     * As {@link #install(TableView, String)} for a tree table: sizing whenever the root changes (every row of the
     * tree, collapsed ones too, with room for the disclosure arrows in the first column), multi-row selection,
     * Ctrl+C of the selected rows, Copy all and Export CSV of every row in tree order.
     */
    public static <S> void install(TreeTableView<S> table, String name) {
        table.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Runnable fit = () -> fitColumns(table);
        followFont(table, fit);
        table.rootProperty().addListener((o, a, root) -> fit.run());
        table.getColumns().addListener((ListChangeListener<TreeTableColumn<S, ?>>) c -> fit.run());
        fit.run();

        KeyCombination copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (copy.match(e)) {
                toClipboard(tsv(table, selected(table)));
                e.consume();
            }
        });
        MenuItem copyItem = new MenuItem("Copy");
        copyItem.setAccelerator(copy);
        copyItem.setOnAction(e -> toClipboard(tsv(table, selected(table))));
        MenuItem copyAll = new MenuItem("Copy all");
        copyAll.setOnAction(e -> toClipboard(tsv(table, allRows(table))));
        MenuItem export = new MenuItem("Export CSV...");
        export.setOnAction(e -> exportCsv(table, () -> csv(table), name));
        table.setContextMenu(new ContextMenu(copyItem, copyAll, new SeparatorMenuItem(), export));
    }

    /** Every row value of the tree in tree order (depth first), the hidden root left out, collapsed rows included. */
    public static <S> List<S> allRows(TreeTableView<S> table) {
        List<S> out = new ArrayList<>();
        TreeItem<S> root = table.getRoot();
        if (root != null) {
            if (table.isShowRoot()) {
                out.add(root.getValue());
            }
            collect(root, out);
        }
        return out;
    }

    private static <S> void collect(TreeItem<S> item, List<S> out) {
        for (TreeItem<S> c : item.getChildren()) {
            out.add(c.getValue());
            collect(c, out);
        }
    }

    /** The selected row values in display order. */
    static <S> List<S> selected(TreeTableView<S> table) {
        List<S> out = new ArrayList<>();
        for (Integer i : table.getSelectionModel().getSelectedIndices().sorted()) {
            TreeItem<S> item = table.getTreeItem(i);
            if (item != null) {
                out.add(item.getValue());
            }
        }
        return out;
    }

    /** The header line and {@code rows} of a tree table, tab-separated. */
    public static <S> String tsv(TreeTableView<S> table, List<S> rows) {
        List<TreeTableColumn<S, ?>> cols = List.copyOf(table.getVisibleLeafColumns());
        StringBuilder sb = new StringBuilder();
        sb.append(String.join("\t", cols.stream().map(c -> clean(header(c))).toList())).append('\n');
        for (S r : rows) {
            sb.append(String.join("\t", cols.stream().map(c -> clean(text(c, r))).toList())).append('\n');
        }
        return sb.toString();
    }

    /** Every row of a tree table (tree order) as CSV with a header line. */
    public static <S> String csv(TreeTableView<S> table) {
        List<TreeTableColumn<S, ?>> cols = List.copyOf(table.getVisibleLeafColumns());
        return csv(cols.stream().map(Tables::header).toList(), allRows(table),
                r -> cols.stream().map(c -> text(c, r)).toList());
    }

    /** Each leaf column of a tree table as wide as its widest text over every row of the tree. */
    public static <S> void fitColumns(TreeTableView<S> table) {
        fit(List.copyOf(table.getVisibleLeafColumns()), allRows(table), (TreeTableColumn<S, ?> c, S r) -> text(c, r),
                TREE_INDENT * depth(table.getRoot()), font(table));
    }

    /** Room per tree level for the indentation and the disclosure arrow. */
    private static final double TREE_INDENT = 18;

    private static int depth(TreeItem<?> item) {
        int d = 0;
        if (item != null) {
            for (TreeItem<?> c : item.getChildren()) {
                d = Math.max(d, 1 + depth(c));
            }
        }
        return d;
    }

    /** The text node that measures on the JavaFX thread (a node per measurement cost the start a lot of them). */
    private static Text measure;

    /** Width of {@code s} in {@code font}, in pixels. */
    public static double textWidth(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        Text t;
        if (javafx.application.Platform.isFxApplicationThread()) {
            if (measure == null) {
                measure = new Text();
            }
            t = measure;
            t.setText(s);
        } else {
            t = new Text(s);
        }
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static <S> List<TableColumn<S, ?>> leaves(TableView<S> table) {
        return List.copyOf(table.getVisibleLeafColumns());
    }

    private static String header(TableColumnBase<?, ?> c) {
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
