package org.mobilenetexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.published.PublishedData;

/** View-models without a window: plain JUnit. */
class ViewModelTest {

    @Test
    void configViewModelRejectsOutOfRangeInputInlineAndKeepsTheLastValidConfig() {
        ConfigViewModel vm = new ConfigViewModel();
        assertEquals(Optional.empty(), vm.parseAlpha("5"));
        assertTrue(vm.errorProperty().get().contains("alpha"), vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("5"), vm.errorProperty().get());
        assertEquals(Optional.empty(), vm.parseInt("resolution", "abc"));
        assertEquals("resolution = abc: not an integer", vm.errorProperty().get());
        assertEquals(Optional.of(160), vm.parseInt("resolution", "160"));
        assertEquals("", vm.errorProperty().get());
        assertEquals(MobileNetConfig.DEFAULT, vm.config());
    }

    @Test
    void slidersSnapToTheirSteps() {
        ConfigViewModel vm = new ConfigViewModel();
        assertEquals(0.6, vm.alphaForSlider(0.6134), 1e-12);
        assertEquals(0.25, vm.alphaForSlider(0.26), 1e-12);
        assertEquals(200, vm.resolutionForSlider(198.1));
    }

    @Test
    void exploreRowsAddUpToTheTotals() {
        ConfigViewModel config = new ConfigViewModel();
        ExploreViewModel vm = new ExploreViewModel(config.configProperty(), PublishedData.bundled());
        config.alphaProperty().set(0.5);
        long sum = vm.rows().stream().mapToLong(r -> r.stats().macs()).sum();
        assertEquals(NetworkStats.of(new MobileNetConfig(0.5, 224)).totals().macs(), sum);
        assertEquals(1.0, vm.rows().stream().mapToDouble(LayerRow::macShare).sum(), 1e-9);
        assertTrue(vm.totalMacsProperty().get().startsWith("149,"), vm.totalMacsProperty().get());
    }

    @Test
    void publishedFiguresAreCheckedAgainstOursAndKnownMisprintsNamed() {
        ConfigViewModel config = new ConfigViewModel();
        ExploreViewModel vm = new ExploreViewModel(config.configProperty(), PublishedData.bundled());
        assertTrue(vm.publishedRows().stream().anyMatch(r -> r.source().startsWith("Table 8 \u00b7 Howard") && r.macs().equals("569")
                && r.matches()), vm.publishedRows().toString());
        config.load(new MobileNetConfig(0.75, 192));
        PublishedRow slim = vm.publishedRows().stream().filter(r -> r.source().startsWith("TF-Slim 2017"))
                .findFirst().orElseThrow();
        assertEquals("233", slim.macs());
        assertFalse(slim.matches());
        assertTrue(slim.check().matches("(known misprint|other convention); ours 239.27 M MACs"),
                slim.check());
    }

    @Test
    void learnReproducesThePapersTable3AtAlpha075Rho0714() {
        ConfigViewModel config = new ConfigViewModel();
        ExploreViewModel explore = new ExploreViewModel(config.configProperty(), PublishedData.bundled());
        LearnViewModel vm = new LearnViewModel(explore.statsProperty(), PublishedData.bundled());
        config.load(new MobileNetConfig(0.75, 160));
        List<Table3Row> t = vm.table3();
        assertEquals("462.4", t.get(0).macs());
        assertEquals("2.36", t.get(0).params());
        assertEquals("52.3", t.get(1).macs());
        assertEquals("29.6", t.get(2).macs());
        assertEquals("15.1", t.get(3).macs());
        assertEquals("0.15", t.get(3).params());
    }

    @Test
    void learnFormulasUseTheSelectedBlocksShapes() {
        ConfigViewModel config = new ConfigViewModel();
        ExploreViewModel explore = new ExploreViewModel(config.configProperty(), PublishedData.bundled());
        LearnViewModel vm = new LearnViewModel(explore.statsProperty(), PublishedData.bundled());
        vm.selectLayer("Conv2d_7_pointwise");
        assertEquals(7, vm.blockProperty().get());
        assertEquals("D_K = 3   M = 512   N = 512   D_F = 14", vm.symbolsProperty().get());
        assertTrue(vm.standardProperty().get().endsWith("= 462,422,016"), vm.standardProperty().get());
        assertTrue(vm.separableProperty().get().endsWith("903,168 + 51,380,224 = 52,283,392"));
        assertTrue(vm.ratioFormulaProperty().get().endsWith("1/512 + 1/9 = 0.11306"),
                vm.ratioFormulaProperty().get());
        // the exact ratio equals the formula
        assertTrue(vm.ratioProperty().get().contains("= 0.11306"), vm.ratioProperty().get());
        // a shallower network: block 7 no longer exists, the view falls back to block 1
        config.blocks14Property().set(0);
        assertTrue(vm.blocks().size() == 8 && vm.blocks().contains(vm.blockProperty().get()));
    }

    @Test
    void learnListsTheKnownMisprintsIncludingTable2AndTheKerasTypo() {
        List<MisprintRow> rows = LearnViewModel.misprintsOf(PublishedData.bundled());
        assertEquals(PublishedData.bundled().knownMisprints().size(), rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.source().contains("Table 2") && r.printed().equals("1.19 % of MACs")
                && r.ours().equals("1.91 % of MACs")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.printed().startsWith("529")), "Keras docstring 529 for 569");
    }

    @Test
    void compareShowsDeltasAgainstTheBaselineAndRefusesASeventhPin() {
        javafx.beans.property.SimpleStringProperty backend = new javafx.beans.property.SimpleStringProperty("onnxruntime");
        CompareViewModel vm = new CompareViewModel(PublishedData.bundled(), (c, b) -> !b.equals("onnxruntime")
                ? Optional.empty() : c.alpha() == 1.0 ? Optional.of(10.0) : Optional.of(2.5), backend);
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
}
