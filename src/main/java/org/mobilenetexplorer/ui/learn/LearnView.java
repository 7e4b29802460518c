package org.mobilenetexplorer.ui.learn;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mobilenetexplorer.chart.ExportFormat;
import org.mobilenetexplorer.chart.PaperFigure;
import org.mobilenetexplorer.chart.PaperFigures;
import org.mobilenetexplorer.ui.common.Controls;
import org.mobilenetexplorer.ui.common.Tables;

/**
 * The Learn tab: the papers' drawings of the selected block (live, exportable as PNG and SVG), the formulas with
 * live numbers (depthwise separable; inverted residual, memory, squeeze-and-excite and h-swish for V2/V3 blocks), the
 * Table 3 walk-through, the known misprints.
 */
public final class LearnView extends ScrollPane {
    /** The inverted residual and SE drawings (V2/V3 blocks), above their explanations. */
    private final VBox drawings = new VBox(10);
    /** V1 Figure 2, above the formulas it illustrates. */
    private final VBox separableDrawing = new VBox(10);
    private final LearnViewModel vm;
    /** The window's theme: the drawings follow it as the charts do (exports keep the light palette). */
    private final javafx.beans.value.ObservableValue<org.mobilenetexplorer.ui.common.Theme> theme;
    private Label title;

    public LearnView(LearnViewModel vm, javafx.beans.value.ObservableValue<org.mobilenetexplorer.ui.common.Theme> theme) {
        this.vm = vm;
        this.theme = theme;
        setFitToWidth(true);

        Label pick = new Label("Block:");
        pick.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ComboBox<Integer> block = new ComboBox<>(vm.blocks());
        block.setId("learn-block");
        block.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        followBlock(block, vm);
        block.setConverter(Controls.display(vm::blockLabel));
        block.setVisibleRowCount(16);
        block.setTooltip(Controls.tip("The block to explain; selecting a layer in the Explore table selects its"
                + " block here too."));
        title = bound("learn-title", vm.titleProperty().getValue(), "section-heading");
        title.textProperty().bind(vm.titleProperty());
        HBox top = new HBox(8, pick, block, title);
        top.getStyleClass().add("toolbar-row");

        Label symbols = bound("learn-symbols", "", "formula-symbols");
        symbols.textProperty().bind(vm.symbolsProperty());
        Label std = bound("learn-standard", "", "formula");
        std.textProperty().bind(vm.standardProperty());
        Label sep = bound("learn-separable", "", "formula");
        sep.textProperty().bind(vm.separableProperty());
        Label ratio = bound("learn-ratio", "", "formula");
        ratio.textProperty().bind(vm.ratioProperty());
        Label ratioFormula = bound("learn-ratio-formula", "", "formula-result");
        ratioFormula.textProperty().bind(vm.ratioFormulaProperty());
        Label note = bound("learn-note", "", "hint");
        note.textProperty().bind(vm.noteProperty());
        Label legend = bound("learn-legend", "D_K: kernel size · M: input channels · N: output channels · D_F:"
                + " output feature map size (paper, Section 3.1). A standard convolution filters and combines in one"
                + " step; a depthwise separable one filters each channel alone (depthwise) and then combines them with"
                + " a 1x1 convolution (pointwise).", "hint");
        VBox formulas = new VBox(6, symbols, std, sep, ratio, ratioFormula, note, legend);
        formulas.getStyleClass().add("card");

        VBox residual = card("learn-residual", "Inverted residual (V2 paper, Section 3)", vm.residualProperty());
        VBox squeeze = card("learn-squeeze-excite", "Squeeze-and-excite and h-swish (V3 paper, Section 5)",
                vm.squeezeExciteProperty());
        VBox memory = card("learn-memory", "Fewer MACs than V1, and the activation memory (V2 paper, Section 5.1)",
                vm.memoryProperty());
        drawings.setId("learn-drawings");
        vm.figures().addListener((javafx.collections.ListChangeListener<PaperFigure>) c -> redraw());
        viewportBoundsProperty().addListener((o, a, b) -> {
            if (a == null || Math.abs(a.getWidth() - b.getWidth()) > 1) {
                redraw();
            }
        });
        sceneProperty().addListener((o, a, sc) -> redraw());
        title.fontProperty().addListener((o, a, f) -> redraw()); // presentation mode
        theme.addListener(o -> redraw());
        separableDrawing.setId("learn-figure2");
        redraw();

        Label t3Caption = bound("table3-caption", "", "section-heading");
        t3Caption.textProperty().bind(vm.table3CaptionProperty());
        TableView<Table3Row> t3 = new TableView<>(vm.table3());
        t3.setId("table3");
        t3.getColumns().add(Controls.textColumn("Layer / modification", "Each row applies one more change to the"
                + " layer above it", Table3Row::step, 330));
        t3.getColumns().add(Controls.textColumn("Mult-adds [M] (ours)", "Computed now at the current alpha and rho",
                Table3Row::macs, 160));
        t3.getColumns().add(Controls.textColumn("Params [M] (ours)", "Computed now", Table3Row::params, 140));
        t3.getColumns().add(Controls.textColumn("Paper [M]", "As printed in Table 3 (alpha 0.75, rho 0.714)",
                Table3Row::paperMacs, 100));
        t3.getColumns().add(Controls.textColumn("Paper params [M]", "As printed in Table 3", Table3Row::paperParams,
                150));
        Tables.install(t3, "table3");
        t3.setFixedCellSize(28);
        t3.prefHeightProperty().bind(t3.fixedCellSizeProperty().multiply(5.6));

        Label misCaption = bound("misprints-caption", "Known misprints in the published tables, and numbers"
                + " counted another way (our count is the truth; the printed value is kept for display)",
                "section-heading");
        misCaption.setWrapText(true);
        TableView<MisprintRow> mis = new TableView<>(vm.misprints());
        mis.setId("misprints-table");
        mis.getColumns().add(Controls.textColumn("Where", "Table and row", MisprintRow::source, 270));
        mis.getColumns().add(Controls.textColumn("Kind", "misprint: a wrong number; convention: counted another way",
                MisprintRow::model, 90));
        mis.getColumns().add(Controls.textColumn("Printed", "As printed", MisprintRow::printed, 130));
        mis.getColumns().add(Controls.textColumn("Arithmetic", "What the exact count gives", MisprintRow::ours, 130));
        mis.getColumns().add(Controls.textColumn("Explanation", "From the reference data's notes", MisprintRow::note,
                520));
        Tables.install(mis, "misprints");
        mis.setPrefHeight(230);
        mis.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(MisprintRow r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null ? null : Controls.tip(r.source() + ": printed " + r.printed()
                        + ", arithmetic " + r.ours() + ". " + r.note()));
            }
        });

        VBox box = new VBox(10, top, drawings, residual, squeeze, memory, separableDrawing, formulas, t3Caption, t3,
                misCaption, mis);
        box.setPadding(new Insets(10));
        setContent(box);
    }

    /**
     * Keeps the chooser on the view-model's block, both ways. Not a bidirectional binding: a family change replaces
     * the chooser's items, and the chooser (its popup list's selection, in the skin) then clears its value; the
     * binding wrote that null (as 0) into the block, and the view-model's correction came while the binding was still
     * updating and never reached the chooser, which stayed empty. Here a cleared value is put back once the change
     * is over.
     */
    private static void followBlock(ComboBox<Integer> block, LearnViewModel vm) {
        block.setValue(vm.blockProperty().get());
        vm.blockProperty().addListener((o, a, n) -> block.setValue(n.intValue()));
        block.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                vm.blockProperty().set(v);
            } else {
                javafx.application.Platform.runLater(() -> {
                    if (block.getValue() == null) {
                        block.setValue(vm.blockProperty().get());
                    }
                });
            }
        });
    }

    /** A card with a heading and the lines of {@code text}; hidden while the text is empty (V1 blocks). */
    private static VBox card(String id, String heading, javafx.beans.value.ObservableStringValue text) {
        Label h = new Label(heading);
        h.getStyleClass().add("section-heading");
        h.setWrapText(true);
        Label body = bound(id, "", "formula-text");
        body.textProperty().bind(text);
        VBox box = new VBox(4, h, body);
        box.getStyleClass().add("card");
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * Draws every figure of the selected block at the width the tab offers, at most the logical size times the
     * font's growth over 13 px (so presentation mode enlarges the drawings as it enlarges the text), in pixels of the
     * screen's scale, so the drawings stay sharp.
     */
    private void redraw() {
        double available = getViewportBounds() == null ? 0 : getViewportBounds().getWidth() - 60;
        double fontScale = Math.max(1.0, title.getFont().getSize() / 13.0);
        double width = Math.max(480, Math.min(available > 0 ? available : PaperFigures.WIDTH,
                PaperFigures.WIDTH * fontScale));
        double screen = getScene() != null && getScene().getWindow() != null
                ? getScene().getWindow().getOutputScaleX() : 1.0;
        drawings.getChildren().clear();
        separableDrawing.getChildren().clear();
        int i = 0;
        for (PaperFigure f : vm.figures()) {
            double scale = width / PaperFigures.WIDTH;
            javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(
                    javafx.embed.swing.SwingFXUtils.toFXImage(PaperFigures.image(f, scale * screen,
                            palette()), null));
            view.setFitWidth(width);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            view.setId("learn-figure-" + i);
            javafx.scene.control.Button png = new javafx.scene.control.Button("Export PNG…");
            png.setId("learn-export-png-" + i);
            png.setOnAction(e -> vm.exportWithChooser(f, ExportFormat.PNG));
            png.setTooltip(Controls.tip("Save this drawing as a PNG image (" + 2 * PaperFigures.WIDTH + "x"
                    + 2 * PaperFigures.HEIGHT + " pixels)."));
            javafx.scene.control.Button svg = new javafx.scene.control.Button("Export SVG…");
            svg.setId("learn-export-svg-" + i);
            svg.setOnAction(e -> vm.exportWithChooser(f, ExportFormat.SVG));
            svg.setTooltip(Controls.tip("Save this drawing as SVG (vector: sharp at any size, editable)."));
            HBox buttons = new HBox(8, png, svg);
            VBox card = new VBox(6, view, buttons);
            card.getStyleClass().add("card");
            (f instanceof PaperFigure.Separable ? separableDrawing : drawings).getChildren().add(card);
            i++;
        }
    }

    /** The drawings' colours in the current theme. */
    private PaperFigures.Palette palette() {
        return theme.getValue() == null ? PaperFigures.Palette.LIGHT
                : PaperFigures.Palette.of(theme.getValue().chartColors());
    }

    private static Label bound(String id, String text, String styleClass) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
    }
}
