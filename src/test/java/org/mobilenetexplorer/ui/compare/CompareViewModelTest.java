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

    /**
     * V1 1.0-224 beside V3-Large 1.0-224: the layers do not align, the stages do. Figures by hand (MACs = D_K^2 M N
     * D_F^2 for convolutions, D_K^2 M D_F^2 for depthwise, M N D_F^2 for 1x1):
     * V1 at 112x112: Conv2d_0 27*32*112^2 = 10,838,016; block 1 dw 9*32*12,544 = 3,612,672, pw 32*64*12,544 =
     * 25,690,112; sum 40,140,800. V1 at 56x56: block 2 dw 9*64*3,136 = 1,806,336, pw 64*128*3,136 = 25,690,112;
     * block 3 dw 9*128*3,136 = 3,612,672, pw 128*128*3,136 = 51,380,224; sum 82,489,344. V1 head: FC 1024*1000.
     * V3-Large at 112x112: stem 27*16*12,544 = 5,419,008; block 1 (no expansion) dw 9*16*12,544 = 1,806,336,
     * project 16*16*12,544 = 3,211,264; block 2's expansion runs at 112 too: 16*64*12,544 = 12,845,056; sum
     * 23,281,664. At 56x56: block 2 dw 9*64*3,136 = 1,806,336, project 64*24*3,136 = 4,816,896; block 3 expand
     * 24*72*3,136 = 5,419,008, dw 9*72*3,136 = 2,032,128, project 72*24*3,136 = 5,419,008; block 4's expansion
     * (before its stride-2 depthwise) 24*72*3,136 = 5,419,008; sum 24,912,384.
     */
    @Test
    void acrossFamiliesComparesPerStageAndTotalsButNotLayerByLayer() {
        MobileNetConfig v1 = MobileNetConfig.DEFAULT;
        MobileNetConfig v3 = MobileNetConfig.of(org.mobilenetexplorer.model.Family.V3_LARGE, 1.0, 224);
        assertTrue(vm.pin(v1));
        assertTrue(vm.pin(v3));
        assertTrue(vm.layers().isEmpty(), "V1 and V3-Large do not align layer by layer");
        assertTrue(vm.layersNoteProperty().get().contains("v1, v3-large do not align"), vm.layersNoteProperty().get());

        List<String> names = vm.stages().stream().map(CompareRow::metric).toList();
        assertEquals(List.of("112x112 (stride 2) MACs [M]", "56x56 (stride 4) MACs [M]", "28x28 (stride 8) MACs [M]",
                "14x14 (stride 16) MACs [M]", "7x7 (stride 32) MACs [M]", "Head (pool, classifier) MACs [M]"),
                names.subList(0, 6));
        CompareRow s112 = vm.stages().get(0);
        assertEquals("40.14", s112.cell(0));
        assertEquals("23.28  (-42.0 %)", s112.cell(1)); // 23,281,664 / 40,140,800 - 1 = -42.0 %
        CompareRow s56 = vm.stages().get(1);
        assertEquals("82.49", s56.cell(0));
        assertEquals("24.91  (-69.8 %)", s56.cell(1)); // 24,912,384 / 82,489,344 - 1 = -69.8 %
        assertEquals("1.02", vm.stages().get(5).cell(0)); // 1024 * 1000
        assertEquals("Head (pool, classifier) params [M]", vm.stages().get(11).metric());
        assertEquals("1.025", vm.stages().get(11).cell(0)); // 1024 * 1000 + 1000 biases

        // the stages add up to the totals, for both families
        for (MobileNetConfig c : List.of(v1, v3)) {
            NetworkStats s = NetworkStats.of(c);
            List<StageCost> stages = StageCost.of(s);
            assertEquals(s.totals().macs(), stages.stream().mapToLong(StageCost::macs).sum(), c.label());
            assertEquals(s.totals().params(), stages.stream().mapToLong(StageCost::params).sum(), c.label());
            assertEquals(s.totals().layers(), stages.stream().mapToInt(StageCost::layers).sum(), c.label());
            assertEquals(List.of(2, 4, 8, 16, 32, StageCost.HEAD), stages.stream().map(StageCost::stride).toList());
        }
        // totals side by side with deltas as before: V1 568.74 M, V3-Large its own count
        long v3Macs = NetworkStats.of(v3).totals().macs();
        assertEquals("568.74", vm.totals().get(0).cell(0));
        assertTrue(vm.totals().get(0).cell(1).startsWith(org.mobilenetexplorer.ui.common.Formats.fixed(v3Macs / 1e6, 2)
                + "  (" + org.mobilenetexplorer.ui.common.Formats.delta(v3Macs, 568_740_352L) + ")"),
                vm.totals().get(0).cell(1));
        // top-1 from each family's TF-Slim model card, naming it: V1 70.9 (tf-slim-2018), V3-Large 75.2 (tf-slim-v3)
        CompareRow top1 = vm.totals().get(vm.totals().size() - 2);
        assertEquals("Top-1 [%] TF-Slim per family", top1.metric());
        assertEquals("70.9 % tf-slim-2018", top1.cell(0));
        assertTrue(top1.cell(1).startsWith("75.2 % tf-slim-v3  (+4.3 pts)"), top1.cell(1));

        // one family again: the layers align
        vm.unpin(1);
        assertTrue(vm.pin(new MobileNetConfig(0.5, 160)));
        assertFalse(vm.layers().isEmpty());
        assertEquals("", vm.layersNoteProperty().get());
        // different resolutions align by stride
        assertEquals("Stride 2: 112x112 / 80x80 MACs [M]", vm.stages().get(0).metric());
    }

    @Test
    void theHintNamesTheMenuThatHoldsPinCurrent() {
        assertTrue(vm.messageProperty().get().contains("Configuration > Pin current configuration"),
                vm.messageProperty().get());
    }
}
