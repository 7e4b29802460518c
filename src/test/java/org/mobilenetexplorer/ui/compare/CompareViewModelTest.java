package org.mobilenetexplorer.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.published.PublishedData;

/** The Compare view's state without a window. */
class CompareViewModelTest {
    private final SimpleStringProperty backend = new SimpleStringProperty("onnxruntime");
    private final SimpleObjectProperty<MobileNetConfig> current = new SimpleObjectProperty<>(MobileNetConfig.DEFAULT);
    private final ObservableList<PresetEntry> preset = FXCollections.observableArrayList();
    private final List<String> status = new ArrayList<>();
    private final CompareViewModel vm = new CompareViewModel(PublishedData.bundled(), (c, b) -> !b.equals("onnxruntime")
            ? Optional.empty() : c.alpha() == 1.0 ? Optional.of(10.0) : Optional.of(2.5), backend, current, preset,
            status::add);

    @Test
    void showsDeltasAgainstTheBaselineAndRefusesASeventhPin() {
        assertTrue(vm.pin(new MobileNetConfig(1.0, 224)));
        assertTrue(vm.pin(new MobileNetConfig(0.5, 224)));
        assertFalse(vm.pin(new MobileNetConfig(0.5, 224)));
        CompareRow macs = vm.totals().get(0);
        assertEquals("568.74", macs.cell(0));
        assertTrue(macs.cell(1).startsWith("149.50  (-73.7 %)"), macs.cell(1));
        CompareRow measured = vm.totals().get(vm.totals().size() - 1);
        assertEquals("2.50 ms  (-75.0 %)", measured.cell(1));
        assertEquals("Median [ms] onnxruntime", measured.metric());
        CompareRow top1 = vm.totals().get(vm.totals().size() - 2); // TF-Slim 2018: 70.9 and 63.3 (0.5-224)
        assertEquals("Top-1 [%] tf-slim-2018", top1.metric());
        assertEquals("63.3 %  (-7.6 pts)", top1.cell(1));
        backend.set("dl4j"); // the row follows the backend chosen on the left and never mixes backends
        measured = vm.totals().get(vm.totals().size() - 1);
        assertEquals("Median [ms] dl4j", measured.metric());
        assertEquals("no dl4j result", measured.cell(1));
        backend.set("onnxruntime");
        vm.baselineProperty().set(1);
        assertTrue(vm.totals().get(0).cell(0).contains("(+280.4 %)"), vm.totals().get(0).cell(0));
        for (double a = 0.1; vm.pinned().size() < 6; a += 0.1) {
            vm.pin(new MobileNetConfig(a, 128));
        }
        assertFalse(vm.pin(new MobileNetConfig(2.0, 128)));
        assertTrue(vm.messageProperty().get().startsWith("At most 6"));
        // per-layer rows join by layer name
        assertEquals(NetworkStats.of(MobileNetConfig.DEFAULT).layers().size(), vm.layers().size());
        assertTrue(vm.layers().stream().anyMatch(r -> r.metric().equals("Conv2d_1_depthwise")));
        assertEquals(9, LayerKind.values().length);
    }

    @Test
    void pinningTheCurrentConfigurationOrThePresetReportsInTheStatusLine() {
        vm.pinCurrent();
        assertEquals("Pinned 1.0-224 (1 pinned).", status.get(0));
        vm.pinCurrent();
        assertEquals("1.0-224 is already pinned.", status.get(1));
        current.set(new MobileNetConfig(0.25, 128));
        vm.pinCurrent();
        assertEquals(List.of(MobileNetConfig.DEFAULT, new MobileNetConfig(0.25, 128)), vm.pinned());
        for (double a : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
            preset.add(new PresetEntry(new MobileNetConfig(a, 160)));
        }
        vm.pinPreset();
        assertEquals(CompareViewModel.MAX_PINNED, vm.pinned().size(), "six at most");
        assertEquals("6 configurations pinned.", status.get(status.size() - 1));
        vm.unpin(0);
        assertEquals(5, vm.pinned().size());
        vm.clear();
        assertTrue(vm.pinned().isEmpty());
        assertTrue(vm.messageProperty().get().startsWith("Pin 2 to 6"), vm.messageProperty().get());
    }
}
