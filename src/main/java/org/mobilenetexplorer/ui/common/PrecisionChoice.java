package org.mobilenetexplorer.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mobilenetexplorer.bench.dl4j.Dl4jBackend;
import org.mobilenetexplorer.model.Precision;

/**
 * The FP32 / INT8 choice of the configuration panel and the Benchmark view: two radio buttons bound to a precision,
 * INT8 disabled with the reason beside it while the backend cannot run it (DL4J has no INT8 CPU inference).
 */
public final class PrecisionChoice extends VBox {
    private final ToggleGroup group = new ToggleGroup();

    /**
     * @param idPrefix  prefix of the controls' ids ({@code <prefix>-fp32}, {@code <prefix>-int8},
     *                  {@code <prefix>-refusal})
     * @param precision the precision chosen (kept in sync both ways)
     * @param backend   the backend id the precision runs on
     */
    public PrecisionChoice(String idPrefix, ObjectProperty<Precision> precision, ObservableStringValue backend) {
        setId(idPrefix);
        getStyleClass().add("precision-choice");
        setSpacing(2);
        RadioButton fp32 = new RadioButton("FP32");
        fp32.setId(idPrefix + "-fp32");
        fp32.setUserData(Precision.FP32);
        Controls.tip(fp32, "32-bit floating point: the network as trained.");
        RadioButton int8 = new RadioButton("INT8");
        int8.setId(idPrefix + "-int8");
        int8.setUserData(Precision.INT8);
        Controls.tip(int8, "8-bit integers on ONNX Runtime: per-channel int8 weights, uint8 activations"
                + " calibrated on the reference forward pass (QDQ model fused into quantized kernels).");
        fp32.setToggleGroup(group);
        int8.setToggleGroup(group);
        StringBinding refusal = Bindings.createStringBinding(() -> refusal(backend.get(), Precision.INT8), backend);
        int8.disableProperty().bind(refusal.isNotEmpty());
        Label reason = new Label();
        reason.setId(idPrefix + "-refusal");
        reason.getStyleClass().add("hint");
        reason.setWrapText(true);
        reason.textProperty().bind(Bindings.createStringBinding(
                () -> refusal.get().isEmpty() ? "" : "INT8: " + refusal.get(), refusal));
        reason.visibleProperty().bind(refusal.isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());

        select(precision.get());
        precision.addListener((o, a, p) -> select(p));
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                select(precision.get()); // a radio group keeps one choice
            } else {
                precision.set((Precision) t.getUserData());
            }
        });
        HBox buttons = new HBox(10, fp32, int8);
        getChildren().addAll(buttons, reason);
    }

    private void select(Precision p) {
        for (Toggle t : group.getToggles()) {
            if (t.getUserData() == p && !t.isSelected()) {
                group.selectToggle(t);
            }
        }
    }

    /**
     * Why {@code backend} cannot run {@code precision} ("" when it can): DL4J has no INT8 CPU inference, as
     * {@code bench --backend dl4j --precision int8} says.
     */
    public static String refusal(String backend, Precision precision) {
        return precision == Precision.INT8 && Dl4jBackend.ID.equals(backend) ? Dl4jBackend.REFUSE_INT8 : "";
    }
}
